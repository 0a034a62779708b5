import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createEvent, dlqTopic, parseEvent, physicalTopic, serializeEvent, TOPICS, type NhiEvent } from '@nhi/contracts';
import {
  createTestDatabase,
  identityDiscoveredData,
  identitySnapshot,
  KafkaTestClient,
  KafkaTopicTap,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitFor,
  type TappedMessage,
  type TestDatabase,
} from '@nhi/testing';
import { inboxConsumerName } from './consumer/subscription';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { provisionedTopics } from './kafka/topic-provisioner';
import { KafkaHealthIndicator } from './kafka/kafka-health.indicator';
import { MessagingStatusService } from './status/messaging-status.service';
import { compileMessagingTestApp, TEST_APPLICATION_NAME, type MessagingTestAppOptions } from './test-support/messaging-test-app';
import { TestHandlers } from './test-support/test-handlers';

const brokers = testKafkaBrokers();
const prefix = uniqueTopicPrefix('messaging');
const groupId = `${prefix}consumer`;
const inventoryTopic = physicalTopic(TOPICS.inventoryEvents, prefix);
const inventoryDlq = dlqTopic(inventoryTopic);
/** Long enough that only pg NOTIFY can explain a prompt publication. */
const SLOW_POLL_MS = 60_000;

let database: TestDatabase;
let kafka: KafkaTestClient;
let tap: KafkaTopicTap;
let app: TestingModule;
let dataSource: DataSource;
let outbox: OutboxService;
let handlers: TestHandlers;

function appOptions(overrides: Partial<MessagingTestAppOptions> = {}): MessagingTestAppOptions {
  return {
    databaseUrl: database.url,
    brokers,
    topicPrefix: prefix,
    groupId,
    withHandlers: true,
    outboxPollIntervalMs: SLOW_POLL_MS,
    consumerRetryBaseMs: 50,
    ...overrides,
  };
}

function registration(subject: string, name?: string) {
  return {
    type: 'nhi.identity.discovered' as const,
    subject,
    data: identityDiscoveredData({ id: subject, ...(name ? { name } : {}) }),
  };
}

/** Registers an identity the way a service does: the change and its event in one committed transaction. */
function register(name?: string, subject = randomUUID(), source = dataSource, service = outbox) {
  return source.transaction((manager) => service.enqueue(manager, registration(subject, name)));
}

/** An update of an identity, which the batch handler `fold` applies; `subject` is its key. */
function updatedEvent(name = `svc-${randomUUID().slice(0, 8)}`, subject = randomUUID()) {
  const identity = identitySnapshot({ name });
  return createEvent({
    source: 'inventory',
    type: 'nhi.identity.updated',
    subject,
    data: {
      identity,
      changes: [{ field: 'name', previous: null, current: name }],
      source: 'aws-config',
      updatedAt: new Date().toISOString(),
    },
  });
}

/** The same event built without the outbox, for publishing raw messages straight to the topic. */
function registeredEvent(name?: string) {
  return createEvent({ source: 'inventory', ...registration(randomUUID(), name) });
}

async function appliedCount(eventId: string, handler: 'project' | 'audit' | 'fold'): Promise<number> {
  const rows: Array<{ count: string }> = await dataSource.query(
    `SELECT count(*) AS count FROM test_applied_events WHERE event_id = $1 AND handler = $2`,
    [eventId, handler],
  );
  return Number(rows[0]?.count);
}

/** The event id of a tapped message: from the relay's header, or from the value of a raw test message. */
function eventIdOf(message: TappedMessage): string | undefined {
  if (message.headers['ce_id']) return message.headers['ce_id'];
  try {
    return (JSON.parse(message.value ?? '') as { id?: string }).id;
  } catch {
    return undefined;
  }
}

function published(eventId: string, topic = inventoryTopic): Promise<TappedMessage> {
  return tap.waitFor((m) => m.topic === topic && eventIdOf(m) === eventId, `${eventId} on ${topic}`);
}

function deadLettered(predicate: (m: TappedMessage) => boolean, what: string): Promise<TappedMessage> {
  return tap.waitFor((m) => m.topic === inventoryDlq && predicate(m), what);
}

/** Waits until a consumer group (the app's by default) has committed past `offset` on that partition. */
function committedPast(partition: number, offset: string, group = groupId): Promise<true> {
  return waitFor(async () => BigInt(await kafka.committedOffset(group, inventoryTopic, partition)) > BigInt(offset), {
    what: `a commit by ${group} past ${inventoryTopic}[${partition}]@${offset}`,
  });
}

beforeAll(async () => {
  [database, kafka] = await Promise.all([createTestDatabase('messaging'), KafkaTestClient.connect(brokers)]);
  app = await compileMessagingTestApp(appOptions());
  await app.init();
  dataSource = app.get(DataSource);
  outbox = app.get(OutboxService);
  handlers = app.get(TestHandlers);
  tap = await KafkaTopicTap.start(brokers, [inventoryTopic, inventoryDlq]);
});

afterAll(async () => {
  await tap?.stop();
  await app?.close();
  await kafka?.deleteTopicsWithPrefix(prefix);
  await kafka?.deleteGroups([groupId, ...(tap ? [tap.groupId] : [])]).catch(() => undefined);
  await kafka?.disconnect();
  await database?.drop();
});

describe('topics', () => {
  it('creates every platform topic and its dead-letter topic at bootstrap', async () => {
    const topics = await kafka.listTopics();
    expect(topics).toEqual(expect.arrayContaining(provisionedTopics(prefix)));
  });
});

describe('health', () => {
  it('reports the broker up and the relay and consumer running', async () => {
    await expect(app.get(KafkaHealthIndicator).isHealthy('kafka')).resolves.toMatchObject({ kafka: { status: 'up' } });
    expect(app.get(MessagingStatusService).messagingStatus()).toMatchObject({
      relay: { running: true, listening: true, lastError: null },
      consumer: { running: true, crashed: false, groupId, topics: [inventoryTopic] },
    });
  });
});

describe('outbox', () => {
  it('publishes a committed event, keyed by its subject, as a valid CloudEvent', async () => {
    const event = await register();

    const message = await published(event.id);

    expect(message.key).toBe(event.subject);
    expect(message.headers).toMatchObject({ 'content-type': 'application/cloudevents+json; charset=UTF-8', ce_type: event.type });
    expect(parseEvent(message.value)).toEqual(event);
    const [row] = await waitFor(() =>
      dataSource
        .query(`SELECT sent_at FROM outbox_events WHERE id = $1 AND sent_at IS NOT NULL`, [event.id])
        .then((rows: unknown[]) => rows.length > 0 && rows),
    );
    expect(row).toBeDefined();
  });

  it('publishes a large batch in compressed requests, every event intact and in order', async () => {
    const subject = randomUUID();
    // Past COMPRESS_FROM_MESSAGES: the relay sends these GZIP-compressed; names with characters that JSON escapes.
    const inputs = Array.from({ length: 150 }, (_, i) => registration(subject, `bulk-${i}\ttab \\ back "quote" \n`));
    const events = await dataSource.transaction((manager) => outbox.enqueueMany(manager, inputs));

    const last = events.at(-1);
    if (!last) throw new Error('no events');
    await published(last.id);
    const received = tap.messages.filter((m) => m.topic === inventoryTopic && m.key === subject).map((m) => parseEvent(m.value));
    expect(received).toEqual(events);
    const stored: Array<{ seq: string; id: string }> = await dataSource.query(
      'SELECT seq, id FROM outbox_events WHERE id = ANY($1::uuid[]) ORDER BY seq',
      [events.map((e) => e.id)],
    );
    expect(stored.map((row) => row.id)).toEqual(events.map((e) => e.id));
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const subject = randomUUID();
    let rolledBack: NhiEvent | undefined;
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBack = await outbox.enqueue(manager, registration(subject));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    // Same subject, same partition: once the later event is there, the earlier one would have been too.
    await published((await register(undefined, subject)).id);

    expect(tap.messages.some((m) => eventIdOf(m) === rolledBack?.id)).toBe(false);
    expect(await dataSource.query(`SELECT id FROM outbox_events WHERE id = $1`, [rolledBack?.id])).toEqual([]);
  });

  it('purges published events older than the retention and keeps recent and unsent ones', async () => {
    const [old, recent] = [await register(), await register()];
    await Promise.all([published(old.id), published(recent.id)]);
    await dataSource.query(`UPDATE outbox_events SET sent_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);
    const unsent = randomUUID();
    await dataSource.query(
      `INSERT INTO outbox_events (id, topic, message_key, payload, created_at) SELECT $1, topic, message_key, payload, now() - interval '2 days'
       FROM outbox_events WHERE id = $2`,
      [unsent, recent.id],
    );

    await app.get(OutboxRelay).maintain();

    const left: Array<{ id: string }> = await dataSource.query('SELECT id FROM outbox_events WHERE id = ANY($1::uuid[])', [
      [old.id, recent.id, unsent],
    ]);
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, unsent].sort());
  });

  it('listens again after losing its LISTEN connection', async () => {
    const relay = app.get(OutboxRelay);
    const killed: unknown[] = await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1`,
      [`${TEST_APPLICATION_NAME}:outbox-listener`],
    );
    expect(killed).toHaveLength(1);
    await waitFor(() => relay.status().listening, { what: 'the relay to LISTEN again' });

    await published((await register()).id);
  });
});

describe('outbox while Kafka is down', () => {
  let downDatabase: TestDatabase;

  beforeAll(async () => {
    downDatabase = await createTestDatabase('messaging_down');
  });

  afterAll(async () => {
    await downDatabase?.drop();
  });

  it('keeps events unsent while the broker is unreachable and publishes them, in order, once it is back', async () => {
    const unreachable = await compileMessagingTestApp(
      appOptions({ databaseUrl: downDatabase.url, brokers: ['127.0.0.1:1'], withHandlers: false, outboxPollIntervalMs: 100 }),
    );
    const downSource = unreachable.get(DataSource);
    const relay = unreachable.get(OutboxRelay);
    const subject = randomUUID();
    const first = await register('first', subject, downSource, unreachable.get(OutboxService));
    const second = await register('second', subject, downSource, unreachable.get(OutboxService));

    relay.start();
    await waitFor(
      async () => {
        const rows: unknown[] = await downSource.query(
          `SELECT id FROM outbox_events WHERE sent_at IS NULL AND attempts >= 2 AND last_error IS NOT NULL`,
        );
        return rows.length === 2;
      },
      { what: 'two failed publication attempts', timeoutMs: 30_000 },
    );
    expect(await relay.pendingCount()).toBe(2);
    expect(relay.status()).toMatchObject({ running: true, pending: 2, lastError: expect.any(String) });
    await expect(unreachable.get(KafkaHealthIndicator).isHealthy('kafka', 1_000)).resolves.toMatchObject({
      kafka: { status: 'down', message: expect.any(String) },
    });
    await unreachable.close();

    const reachable = await compileMessagingTestApp(appOptions({ databaseUrl: downDatabase.url, withHandlers: false }));
    try {
      expect(await reachable.get(OutboxRelay).flush()).toBe(2);
      expect(await reachable.get(OutboxRelay).pendingCount()).toBe(0);
    } finally {
      await reachable.close();
    }
    const [onKafkaFirst, onKafkaSecond] = [await published(first.id), await published(second.id)];
    expect(onKafkaFirst.partition).toBe(onKafkaSecond.partition);
    expect(BigInt(onKafkaFirst.offset)).toBeLessThan(BigInt(onKafkaSecond.offset));
  });
});

describe('consumer', () => {
  it('applies an event delivered twice only once, per handler', async () => {
    const event = registeredEvent();
    const message = { key: event.subject, value: serializeEvent(event) };

    await kafka.produce(inventoryTopic, message);
    const again = await kafka.produce(inventoryTopic, message);
    await committedPast(again.partition, again.offset);

    expect(await appliedCount(event.id, 'project')).toBe(1);
    expect(await appliedCount(event.id, 'audit')).toBe(1);
    const inbox: unknown[] = await dataSource.query(`SELECT consumer FROM inbox_events WHERE event_id = $1`, [event.id]);
    expect(inbox).toHaveLength(2);
  });

  it('identifies an event by (source, id) in either content mode: one id from two sources is two events, each applied once', async () => {
    const { specversion, type, subject, data } = registeredEvent();
    const id = `acme-${randomUUID()}`;
    const fromAcme = { specversion, id, source: 'https://acme.example/discovery', type, subject, data };
    const fromOther = { ...fromAcme, source: 'urn:other:scanner' };
    const binaryCopy = {
      key: subject,
      value: JSON.stringify(data),
      headers: { ce_specversion: '1.0', ce_id: id, ce_source: fromAcme.source, ce_type: type, 'content-type': 'application/json' },
    };

    await kafka.produce(inventoryTopic, { key: subject, value: JSON.stringify(fromAcme) });
    await kafka.produce(inventoryTopic, binaryCopy);
    const last = await kafka.produce(inventoryTopic, { key: subject, value: JSON.stringify(fromOther) });
    await committedPast(last.partition, last.offset);

    expect(await appliedCount(id, 'project')).toBe(2);
    const inbox: Array<{ event_source: string }> = await dataSource.query(
      `SELECT DISTINCT event_source FROM inbox_events WHERE event_id = $1 ORDER BY event_source`,
      [id],
    );
    expect(inbox.map((row) => row.event_source)).toEqual(['https://acme.example/discovery', 'urn:other:scanner']);
  });

  it('still counts inbox rows written before events were keyed by source', async () => {
    const event = registeredEvent();
    const consumers: Array<{ consumer: string }> = await dataSource.query(
      `SELECT DISTINCT consumer FROM inbox_events WHERE event_type = 'nhi.identity.discovered'`,
    );
    expect(consumers).toHaveLength(2);
    for (const { consumer } of consumers) {
      await dataSource.query(
        `INSERT INTO inbox_events (event_source, event_id, consumer, topic, partition, "offset", event_type) VALUES ('', $1, $2, 'before', 0, '0', $3)`,
        [event.id, consumer, event.type],
      );
    }

    const sent = await kafka.produce(inventoryTopic, { key: event.subject, value: serializeEvent(event) });
    await committedPast(sent.partition, sent.offset);

    expect(await appliedCount(event.id, 'project')).toBe(0);
    expect(await appliedCount(event.id, 'audit')).toBe(0);
  });

  it('retries a failing handler with backoff and applies the event once when it succeeds', async () => {
    const event = await register('flaky-twice');

    await waitFor(async () => (await appliedCount(event.id, 'audit')) === 1, { what: 'the flaky handler to succeed' });

    expect(handlers.callsOf('audit', event.id)).toBe(3);
    // The handler that succeeded first is not run again on the retries: its inbox row is there.
    expect(handlers.callsOf('project', event.id)).toBe(1);
    expect(await appliedCount(event.id, 'project')).toBe(1);
  });

  it('dead-letters a message whose handler keeps failing, then moves on to the next one', async () => {
    const subject = randomUUID();
    const poison = await register('poison-pill', subject);
    const next = await register(undefined, subject);

    const original = await published(poison.id);
    const deadLetter = await deadLettered((m) => eventIdOf(m) === poison.id, 'the poison event on the DLQ');

    expect(deadLetter.key).toBe(subject);
    expect(deadLetter.value).toBe(original.value);
    expect(deadLetter.headers).toMatchObject({
      'x-error': 'cannot apply poison-pill',
      'x-error-type': 'Error',
      'x-original-topic': inventoryTopic,
      'x-original-partition': String(original.partition),
      'x-original-offset': original.offset,
      'x-consumer-group': groupId,
      'x-attempts': '3',
      'x-handler': 'TestHandlers.audit',
    });
    expect(Date.parse(deadLetter.headers['x-failed-at'] ?? '')).not.toBeNaN();
    await waitFor(async () => (await appliedCount(next.id, 'audit')) === 1, { what: 'the next event to be applied' });
    expect(handlers.callsOf('audit', poison.id)).toBe(3);
    // Each failed attempt's write was rolled back with its transaction.
    expect(await appliedCount(poison.id, 'audit')).toBe(0);
  });

  it('dead-letters malformed and contract-breaking messages at once, without retrying', async () => {
    const valid = registeredEvent();
    const subject = valid.subject;
    const invalid = { ...valid, data: { ...valid.data, identity: { ...valid.data.identity, kind: 'ROBOT' } } };

    await kafka.produce(inventoryTopic, { key: 'garbage', value: 'this is not JSON' });
    await kafka.produce(inventoryTopic, { key: subject, value: JSON.stringify(invalid) });

    const garbage = await deadLettered((m) => m.key === 'garbage', 'the malformed message on the DLQ');
    const broken = await deadLettered((m) => m.key === subject, 'the invalid event on the DLQ');
    expect(garbage.value).toBe('this is not JSON');
    expect(garbage.headers).toMatchObject({ 'x-error-type': 'ContractViolationError', 'x-attempts': '1' });
    expect(garbage.headers['x-error']).toMatch(/not valid JSON/);
    expect(broken.headers).toMatchObject({ 'x-error-type': 'ContractViolationError', 'x-attempts': '1' });
    expect(broken.headers['x-error']).toMatch(/data\/identity\/kind/);
    expect(broken.headers).not.toHaveProperty('x-handler');
    expect(handlers.callsOf('audit', valid.id)).toBe(0);
    // Kept in the service's own database too: visible and counted without reading the DLQ.
    const recorded = await waitFor(
      async () => {
        const rows: Array<{ message_key: string; event_type: string | null; error_type: string; attempts: number }> =
          await dataSource.query(
            `SELECT message_key, event_type, error_type, attempts FROM dead_letters WHERE message_key IN ('garbage', $1) ORDER BY id`,
            [subject],
          );
        return rows.length === 2 && rows;
      },
      { what: 'both dead letters recorded in dead_letters' },
    );
    expect(recorded).toEqual([
      { message_key: 'garbage', event_type: null, error_type: 'ContractViolationError', attempts: 1 },
      { message_key: subject, event_type: 'nhi.identity.discovered', error_type: 'ContractViolationError', attempts: 1 },
    ]);
  });

  it('withholds from the DLQ and dead_letters a key, value or header that looks like a secret', async () => {
    // A fake GitLab token in its real shape (libs/secrets/corpus); it is not and never was a credential.
    const token = 'glpat-FAKEiVeYZ7lbf9xJQm0a';
    await kafka.produce(inventoryTopic, {
      key: `k ${token}`,
      value: `leaked here: ${token} (oops)`,
      headers: { 'x-note': token, 'x-plain': 'kept' },
    });

    const withheld = await deadLettered((m) => m.headers['x-withheld'] !== undefined, 'the secret-bearing message on the DLQ');
    expect(withheld.headers).toMatchObject({ 'x-withheld': 'value, key, header x-note', 'x-note': '[withheld]', 'x-plain': 'kept' });
    expect(withheld.key).toBeNull();
    expect(JSON.parse(withheld.value ?? '{}')).toMatchObject({ withheld: 'the message value looked like a GitLab token and is not kept' });
    expect(JSON.stringify(withheld)).not.toContain('FAKE');
    const rows: Array<{ row: string }> = await dataSource.query(`SELECT d::text AS row FROM dead_letters d`);
    expect(rows.map((r) => r.row).join('\n')).not.toContain('FAKE');
  });

  it('hands a batch handler a run of one partition in one call, each event once and in order, a repeat within the run skipped', async () => {
    const subject = randomUUID();
    const events = Array.from({ length: 20 }, () => updatedEvent(undefined, subject));
    const messages = events.map((event) => ({ key: subject, value: serializeEvent(event) }));
    const repeated = messages[3];
    if (!repeated) throw new Error('no fourth message');

    const last = await kafka.produceRun(inventoryTopic, [...messages.slice(0, 10), repeated, ...messages.slice(10)]);
    await committedPast(last.partition, last.offset);

    const ids = events.map((event) => event.id);
    for (const id of ids) expect(await appliedCount(id, 'fold')).toBe(1);
    expect(handlers.callsOf('fold', ids[3] ?? '')).toBe(1);
    const calls = handlers.folds.filter((call) => call.some((id) => ids.includes(id)));
    expect(calls.length).toBeLessThan(ids.length);
    expect(calls.flat().filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('hands a batch handler the events before an event with a per-event handler first, so each handler sees what came before', async () => {
    const subject = randomUUID();
    const tag = randomUUID().slice(0, 8);
    const names = ['u1', 'u2', 'd1', 'u3'].map((name) => `${name}-${tag}`);
    const [u1, u2, d1, u3] = names;
    const run = [
      updatedEvent(u1, subject),
      updatedEvent(u2, subject),
      createEvent({ source: 'inventory', ...registration(subject, d1) }),
      updatedEvent(u3, subject),
    ];

    const last = await kafka.produceRun(
      inventoryTopic,
      run.map((event) => ({ key: subject, value: serializeEvent(event) })),
    );
    await committedPast(last.partition, last.offset);

    expect(handlers.order.filter((entry) => entry.endsWith(tag))).toEqual([`fold:${u1}`, `fold:${u2}`, `project:${d1}`, `fold:${u3}`]);
    expect(handlers.folds).toContainEqual([run[0]?.id, run[1]?.id]);
  });

  it('applies a run one event at a time when its batch handler fails, and dead-letters only the failing event', async () => {
    const subject = randomUUID();
    const [before, poison, after] = [
      updatedEvent(undefined, subject),
      updatedEvent('batch-poison-run', subject),
      updatedEvent(undefined, subject),
    ];
    const last = await kafka.produceRun(
      inventoryTopic,
      [before, poison, after].map((event) => ({ key: subject, value: serializeEvent(event) })),
    );

    const deadLetter = await deadLettered((m) => eventIdOf(m) === poison.id, 'the batch-poison event on the DLQ');
    await committedPast(last.partition, last.offset);

    expect(deadLetter.headers).toMatchObject({
      'x-error': 'cannot fold batch-poison-run',
      'x-handler': 'TestHandlers.fold',
      'x-attempts': '3',
    });
    expect(await appliedCount(before.id, 'fold')).toBe(1);
    expect(await appliedCount(after.id, 'fold')).toBe(1);
    expect(await appliedCount(poison.id, 'fold')).toBe(0);
    // Tried once in its run, then three times alone.
    expect(handlers.folds.filter((call) => call.length === 1 && call[0] === poison.id)).toHaveLength(3);
  });

  it('counts the inbox rows of the per-event handler a batch handler replaced', async () => {
    const event = updatedEvent();
    const former = inboxConsumerName(groupId, 'TestHandlers.foldOne');
    await dataSource.query(
      `INSERT INTO inbox_events (event_source, event_id, consumer, topic, partition, "offset", event_type) VALUES ($1, $2, $3, 'before', 0, '0', $4)`,
      [event.source, event.id, former, event.type],
    );

    const sent = await kafka.produce(inventoryTopic, { key: event.subject, value: serializeEvent(event) });
    await committedPast(sent.partition, sent.offset);

    expect(await appliedCount(event.id, 'fold')).toBe(0);
    const inbox: Array<{ consumer: string }> = await dataSource.query(`SELECT consumer FROM inbox_events WHERE event_id = $1`, [event.id]);
    expect(inbox).toEqual([{ consumer: former }]);
  });

  it('skips, without dead-lettering, a valid event type it has no handler for', async () => {
    const nhiId = randomUUID();
    const foreign = createEvent({
      source: 'lifecycle',
      type: 'nhi.rotation.requested',
      subject: nhiId,
      data: {
        requestId: randomUUID(),
        nhiId,
        provider: 'aws',
        externalId: 'role/x',
        kind: 'SERVICE_ACCOUNT',
        reason: 'max age reached',
        requestedAt: new Date().toISOString(),
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });

    const landed = await kafka.produce(inventoryTopic, { key: nhiId, value: serializeEvent(foreign) });
    await committedPast(landed.partition, landed.offset);

    expect(tap.on(inventoryDlq).some((m) => m.key === nhiId)).toBe(false);
    expect(await dataSource.query(`SELECT 1 FROM inbox_events WHERE event_id = $1`, [foreign.id])).toEqual([]);
  });

  it('commits an offset only once its message has been processed', async () => {
    const hold = handlers.hold('held-in-handler');
    const event = await register('held-in-handler');
    await hold.entered;
    const message = await published(event.id);

    const whileHeld = await kafka.committedOffset(groupId, inventoryTopic, message.partition);
    expect(BigInt(whileHeld)).toBeLessThanOrEqual(BigInt(message.offset));

    hold.release();
    await committedPast(message.partition, message.offset);
    expect(await appliedCount(event.id, 'project')).toBe(1);
  });

  it('stops promptly in the middle of a retry and redelivers the message after a restart', async () => {
    const restartDatabase = await createTestDatabase('messaging_restart');
    const restartGroup = `${prefix}restart`;
    const options = appOptions({ databaseUrl: restartDatabase.url, groupId: restartGroup, consumerRetryBaseMs: 60_000 });
    const running: TestingModule[] = [];
    const start = async (overrides: Partial<MessagingTestAppOptions> = {}) => {
      const started = await compileMessagingTestApp({ ...options, ...overrides });
      running.push(started);
      await started.init();
      return started;
    };
    try {
      // When the test runs alone, this is the message that stalls; after the others, an older one may stall first.
      const poison = registeredEvent('poison-on-restart');
      await kafka.produce(inventoryTopic, { key: poison.subject, value: serializeEvent(poison) });

      const first = await start();
      const stalledId = await waitFor(() => first.get(TestHandlers).failedOn[0], { what: 'a failed attempt' });
      const stalled = await published(stalledId);
      const closing = Date.now();
      await running.pop()?.close();
      expect(Date.now() - closing).toBeLessThan(5_000);
      const committed = await kafka.committedOffset(restartGroup, inventoryTopic, stalled.partition);
      expect(BigInt(committed)).toBeLessThanOrEqual(BigInt(stalled.offset));

      const second = await start({ consumerRetryBaseMs: 50 });
      await committedPast(stalled.partition, stalled.offset, restartGroup);
      // The stalled event is tried again by the handler that failed on it: `audit` for this test's poison, `fold` for an
      // older batch-poison event of another test that stalled first.
      const handlers = second.get(TestHandlers);
      expect(handlers.callsOf('audit', stalledId) + handlers.callsOf('fold', stalledId)).toBeGreaterThan(0);
    } finally {
      await Promise.all(running.map((started) => started.close()));
      await kafka.deleteGroups([restartGroup]).catch(() => undefined);
      await restartDatabase.drop();
    }
  });
});
