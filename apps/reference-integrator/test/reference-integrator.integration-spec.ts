import { CLOUDEVENTS_CONTENT_TYPE, createEvent, readKafkaEvent, serializeEvent, TOPICS } from '@nhi/contracts';
import { KafkaTestClient, KafkaTopicTap, testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@nhi/testing';
import { loadIntegratorConfig } from '../src/integrator-config';
import { ReferenceIntegrator } from '../src/reference-integrator';

const brokers = testKafkaBrokers();
const prefix = uniqueTopicPrefix('integrator');
let kafka: KafkaTestClient;
let tap: KafkaTopicTap;
let integrator: ReferenceIntegrator;

beforeAll(async () => {
  kafka = await KafkaTestClient.connect(brokers);
  await kafka.createTopics(
    [TOPICS.rotationRequests, TOPICS.revocationRequests, TOPICS.rotationResults, TOPICS.revocationResults].map((t) => `${prefix}${t}`),
  );
  tap = await KafkaTopicTap.start(brokers, [`${prefix}${TOPICS.rotationResults}`, `${prefix}${TOPICS.revocationResults}`]);
  integrator = new ReferenceIntegrator(
    loadIntegratorConfig({
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_GROUP_ID: `${prefix}integrator`,
      INTEGRATOR_PROVIDERS: 'demo,vault',
      INTEGRATOR_LATENCY_MS: '50',
    }),
    { info: () => undefined, warn: () => undefined },
  );
  await integrator.start();
});

afterAll(async () => {
  await integrator?.stop();
  await tap?.stop();
  await kafka?.deleteTopicsWithPrefix(prefix);
  await kafka?.deleteGroups([`${prefix}integrator`]).catch(() => undefined);
  await kafka?.disconnect();
});

async function request(type: 'nhi.rotation.requested' | 'nhi.revocation.requested', provider: string, requestId: string) {
  const nhiId = '01900000-0000-7000-8000-0000000000aa';
  const now = new Date().toISOString();
  const data = {
    requestId,
    nhiId,
    provider,
    externalId: 'kv/app',
    kind: 'SECRET' as const,
    reason: 'test',
    requestedAt: now,
    deadline: new Date(Date.now() + 60_000).toISOString(),
  };
  const event =
    type === 'nhi.rotation.requested'
      ? createEvent({ source: 'lifecycle', type, subject: nhiId, data })
      : createEvent({ source: 'lifecycle', type, subject: nhiId, data: { ...data, force: false } });
  const topic = type === 'nhi.rotation.requested' ? TOPICS.rotationRequests : TOPICS.revocationRequests;
  await kafka.produce(`${prefix}${topic}`, {
    key: nhiId,
    value: serializeEvent(event),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  });
}

describe('the reference integrator', () => {
  it('answers rotation and revocation requests for its providers on the results topics, and leaves the others alone', async () => {
    await request('nhi.rotation.requested', 'aws', '01900000-0000-7000-8000-000000000001');
    await request('nhi.rotation.requested', 'demo', '01900000-0000-7000-8000-000000000002');
    await request('nhi.revocation.requested', 'vault', '01900000-0000-7000-8000-000000000003');

    const results = await waitFor(() => tap.messages.length >= 2 && tap.messages, { what: 'two answers' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Read as the platform reads what integrators send: CloudEvents 1.0 and the contract of the type.
    const events = tap.messages.map((m) => readKafkaEvent(m));
    const answered = events.map((e) => [e.type, (e.data as { requestId: string }).requestId]);
    expect(answered.sort()).toEqual([
      ['nhi.revocation.completed', '01900000-0000-7000-8000-000000000003'],
      ['nhi.rotation.completed', '01900000-0000-7000-8000-000000000002'],
    ]);
    expect(results.every((m) => m.key === '01900000-0000-7000-8000-0000000000aa')).toBe(true);
    expect(events.every((e) => e.source === '/nhi/reference-integrator')).toBe(true);
  });
});
