import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, serializeEvent, timeOrderedUuid, TOPICS } from '@nhi/contracts';
import { ACKS_ALL, PRODUCER_CONFIG, toTopicMessages, type OutboxRow } from '@nhi/messaging';
import { runBench } from './bench-support';

/**
 * npm run bench:kafka -- [--events 200000] [--batch 500]
 *
 * What the outbox relay's Kafka side costs on its own: discovered events of the
 * size bulk ingest makes, sent the way the relay sends them (same producer
 * settings, same requests, same headers) to the local broker. Prints wall and
 * CPU time per event; the same events without headers are the baseline.
 */
const { values } = parseArgs({
  options: { events: { type: 'string', default: '200000' }, batch: { type: 'string', default: '500' } },
});
const events = Number(values.events);
const batch = Number(values.batch);

function outboxRows(count: number): OutboxRow[] {
  return Array.from({ length: count }, (_, i) => {
    const id = timeOrderedUuid();
    const event = createEvent({
      source: 'inventory',
      type: 'nhi.identity.discovered',
      subject: id,
      data: {
        identity: {
          id,
          kind: 'SERVICE_ACCOUNT',
          name: `billing-exporter-${i}`,
          provider: 'aws',
          externalId: `arn:aws:iam::123456789012:role/billing-exporter-${i}`,
          environment: 'PRODUCTION',
          environmentInferred: true,
          system: 'billing',
          businessUnit: 'Finance',
          privilegeLevel: 'MEDIUM',
          scopes: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'],
          tags: { team: 'billing', 'cost-center': 'cc-1042', owner: 'team-billing' },
          createdAt: '2025-03-01T10:00:00.000Z',
          lastUsedAt: '2026-11-20T08:00:00.000Z',
          expiresAt: null,
          credentialFingerprint: `sha256:${id.replace(/-/g, '')}${id.replace(/-/g, '')}`,
          status: 'ACTIVE',
        },
        source: 'aws-config',
        discoveredAt: new Date().toISOString(),
      },
    });
    return {
      id: event.id,
      seq: String(i),
      topic: TOPICS.inventoryEvents,
      message_key: id,
      event_type: event.type,
      payload: serializeEvent(event),
    };
  });
}

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-kafka', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const prefix = `bench.kafka.${timeOrderedUuid().slice(-8)}.`;
  await admin.createTopics({ topics: [{ topic: `${prefix}${TOPICS.inventoryEvents}`, numPartitions: 3 }], waitForLeaders: true });
  const producer = kafka.producer(PRODUCER_CONFIG);
  await producer.connect();
  const rows = outboxRows(events);
  const bytes = rows.reduce((sum, row) => sum + Buffer.byteLength(row.payload), 0);
  const results: Array<[string, number, number]> = [];
  try {
    for (const [label, withHeaders] of [
      ['as the relay sends them (3 headers)', true],
      ['baseline: the same events without headers', false],
    ] as const) {
      const began = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      for (let i = 0; i < rows.length; i += batch) {
        for (const request of toTopicMessages(rows.slice(i, i + batch), prefix)) {
          const topicMessages = withHeaders
            ? request
            : request.map((group) => ({ ...group, messages: group.messages.map(({ key, value }) => ({ key, value })) }));
          await producer.sendBatch({ topicMessages, acks: ACKS_ALL });
        }
      }
      const used = process.cpuUsage(cpu);
      results.push([label, Number(process.hrtime.bigint() - began) / 1e3 / events, (used.user + used.system) / events]);
    }
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [`${prefix}${TOPICS.inventoryEvents}`] }).catch(() => undefined);
    await admin.disconnect();
  }
  console.log(
    `\nKafka produce benchmark: ${events} events of ${Math.round(bytes / events)} bytes, ${batch} per relay batch, kafkajs, acks=all\n`,
  );
  console.log('| how | wall µs/event | CPU µs/event | events/s |');
  console.log('|---|---:|---:|---:|');
  for (const [label, wall, cpu] of results)
    console.log(`| ${label} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${Math.round(1e6 / wall)} |`);
  const [relay, baseline] = results;
  if (relay && baseline) console.log(`\n- headers cost ${((100 * (relay[2] - baseline[2])) / baseline[2]).toFixed(0)}% more CPU per event`);
}

runBench(main);
