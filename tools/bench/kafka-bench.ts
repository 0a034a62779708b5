import { parseArgs } from 'node:util';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { createEvent, serializeEvent, timeOrderedUuid, TOPICS } from '@nhi/contracts';
import { ACKS_ALL, PRODUCER_CONFIG, toTopicMessages, useGzipLevel, type OutboxRow } from '@nhi/messaging';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';
import { brokerPid, cpuMs, runBench } from './bench-support';

const KRAFT_DIR = path.join(WORKSPACE_ROOT, 'infra/kafka/.data/kraft');

/** Bytes of a topic's log segments on the local broker's disk (what compression saves the broker to write). */
function topicBytes(topic: string): number {
  let total = 0;
  for (const dir of readdirSync(KRAFT_DIR).filter((name) => name.startsWith(`${topic}-`))) {
    for (const file of readdirSync(path.join(KRAFT_DIR, dir)).filter((name) => name.endsWith('.log')))
      total += statSync(path.join(KRAFT_DIR, dir, file)).size;
  }
  return total;
}

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
  const results: Array<[string, number, number, number]> = [];
  const brokerCpu: number[] = [];
  try {
    // Warm-up, not measured: the first variant would otherwise pay for the JIT and the broker's first segments.
    for (let i = 0; i < Math.min(rows.length, 20_000); i += batch)
      for (const topicMessages of toTopicMessages(rows.slice(i, i + batch), prefix))
        await producer.sendBatch({ topicMessages, acks: ACKS_ALL });
    for (const [label, withHeaders, gzipLevel] of [
      ['baseline: the same events without headers, uncompressed', false, null],
      ['3 headers, uncompressed (the relay before ADR 0024)', true, null],
      ['3 headers, GZIP level 6 (kafkajs default)', true, 6],
      ['3 headers, GZIP level 1 (as the relay sends them)', true, 1],
    ] as const) {
      if (gzipLevel !== null) useGzipLevel(gzipLevel);
      const compression = gzipLevel === null ? CompressionTypes.None : CompressionTypes.GZIP;
      const stored = topicBytes(`${prefix}${TOPICS.inventoryEvents}`);
      const brokerAtStart = cpuMs(brokerPid());
      const began = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      for (let i = 0; i < rows.length; i += batch) {
        for (const request of toTopicMessages(rows.slice(i, i + batch), prefix)) {
          const topicMessages = withHeaders
            ? request
            : request.map((group) => ({ ...group, messages: group.messages.map(({ key, value }) => ({ key, value })) }));
          await producer.sendBatch({ topicMessages, acks: ACKS_ALL, compression });
        }
      }
      const used = process.cpuUsage(cpu);
      const wall = Number(process.hrtime.bigint() - began) / 1e3 / events;
      const onDisk = topicBytes(`${prefix}${TOPICS.inventoryEvents}`) - stored;
      results.push([label, wall, (used.user + used.system) / events, onDisk / events]);
      brokerCpu.push(cpuMs(brokerPid()) - brokerAtStart);
    }
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [`${prefix}${TOPICS.inventoryEvents}`] }).catch(() => undefined);
    await admin.disconnect();
  }
  console.log(
    `\nKafka produce benchmark: ${events} events of ${Math.round(bytes / events)} bytes, ${batch} per relay batch, kafkajs, acks=all\n`,
  );
  console.log('| how | wall µs/event | relay CPU µs/event | broker CPU µs/event | events/s | bytes on the broker per event |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [label, wall, cpu, onDisk, broker] of results.map((r, i) => [...r, brokerCpu[i] ?? 0] as const))
    console.log(
      `| ${label} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${((1000 * broker) / events).toFixed(1)} | ${Math.round(1e6 / wall)} | ${Math.round(onDisk)} |`,
    );
  const [baseline, relay] = results;
  if (relay && baseline) console.log(`\n- headers cost ${((100 * (relay[2] - baseline[2])) / baseline[2]).toFixed(0)}% more CPU per event`);
}

runBench(main);
