import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { context } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { createEvent, physicalTopic, TOPICS, type ReceivedEvent } from '@nhi/contracts';
import {
  createTestDatabase,
  identityDiscoveredData,
  identitySnapshot,
  KafkaTestClient,
  KafkaTopicTap,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type TappedMessage,
  type TestDatabase,
} from '@nhi/testing';
import { contextOfEvent, installPropagation, parseTraceparent } from '@nhi/tracing';
import { EventHandler } from '../consumer/event-handler.decorator';
import { OutboxService } from '../outbox/outbox.service';
import { compileMessagingTestApp } from '../test-support/messaging-test-app';

const brokers = testKafkaBrokers();
const prefix = uniqueTopicPrefix('tracectx');
const inventoryTopic = physicalTopic(TOPICS.inventoryEvents, prefix);
const W3C_TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** What a service's handler does: applies an event and records an event of its own in the same transaction. */
@Injectable()
class FollowUpHandler {
  constructor(private readonly outbox: OutboxService) {}

  @EventHandler('nhi.identity.discovered')
  async followUp(event: ReceivedEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    const name = event.data.identity.name;
    await this.outbox.enqueue(manager, {
      type: 'nhi.identity.updated',
      subject: event.data.identity.id,
      data: {
        identity: identitySnapshot({ name }),
        changes: [{ field: 'name', previous: null, current: name }],
        source: 'trace-test',
        updatedAt: new Date().toISOString(),
      },
    });
  }
}

let database: TestDatabase;
let kafka: KafkaTestClient;
let tap: KafkaTopicTap;
let app: TestingModule;
let dataSource: DataSource;
let outbox: OutboxService;

beforeAll(async () => {
  [database, kafka] = await Promise.all([createTestDatabase('tracectx'), KafkaTestClient.connect(brokers)]);
  app = await compileMessagingTestApp({
    databaseUrl: database.url,
    brokers,
    topicPrefix: prefix,
    groupId: `${prefix}consumer`,
    withHandlers: false,
    extraProviders: [FollowUpHandler],
    outboxPollIntervalMs: 100,
    consumerRetryBaseMs: 50,
  });
  await app.init();
  dataSource = app.get(DataSource);
  outbox = app.get(OutboxService);
  tap = await KafkaTopicTap.start(brokers, [inventoryTopic]);
});

afterAll(async () => {
  await tap?.stop();
  await app?.close();
  await kafka?.deleteTopicsWithPrefix(prefix);
  await kafka?.deleteGroups([`${prefix}consumer`, ...(tap ? [tap.groupId] : [])]).catch(() => undefined);
  await kafka?.disconnect();
  await database?.drop();
});

function valueOf(message: TappedMessage): { id: string; type: string; traceparent?: string; tracestate?: string } {
  return JSON.parse(message.value ?? '{}');
}

function publishedUpdateOf(subject: string): Promise<TappedMessage> {
  return tap.waitFor((m) => m.key === subject && valueOf(m).type === 'nhi.identity.updated', `the follow-up event of ${subject}`);
}

function discovered(subject: string, trace: { traceparent?: unknown; tracestate?: unknown }) {
  const event = createEvent({
    source: 'inventory',
    type: 'nhi.identity.discovered',
    subject,
    data: identityDiscoveredData({ id: subject }),
  });
  return { key: subject, value: JSON.stringify({ ...event, ...trace }) };
}

describe('trace context on the events the platform emits (tracing off: no SDK in this process)', () => {
  it('gives an event written outside any trace a new unsampled traceparent, in the value, the header and the outbox row', async () => {
    const subject = randomUUID();
    const event = await dataSource.transaction((manager) =>
      outbox.enqueue(manager, { type: 'nhi.identity.discovered', subject, data: identityDiscoveredData({ id: subject }) }),
    );
    const message = await tap.waitFor((m) => m.headers['ce_id'] === event.id, `event ${event.id}`);

    const { traceparent } = valueOf(message);
    expect(traceparent).toMatch(W3C_TRACEPARENT);
    expect(traceparent?.endsWith('-00')).toBe(true);
    expect(message.headers['ce_traceparent']).toBe(traceparent);
    const [row] = await dataSource.query(`SELECT traceparent FROM outbox_events WHERE id = $1`, [event.id]);
    expect(row).toEqual({ traceparent });
  });

  it('writes the active trace context on the events of the work done in it', async () => {
    installPropagation();
    const subject = randomUUID();
    const event = await context.with(contextOfEvent({ traceparent: INCOMING, tracestate: 'vendor=abc' }), () =>
      dataSource.transaction((manager) =>
        outbox.enqueue(manager, { type: 'nhi.identity.discovered', subject, data: identityDiscoveredData({ id: subject }) }),
      ),
    );
    const message = await tap.waitFor((m) => m.headers['ce_id'] === event.id, `event ${event.id}`);

    expect(valueOf(message)).toMatchObject({ traceparent: INCOMING, tracestate: 'vendor=abc' });
    expect(message.headers).toMatchObject({ ce_traceparent: INCOMING, ce_tracestate: 'vendor=abc' });
  });

  it("carries a consumed event's trace on to the events its handler writes", async () => {
    const subject = randomUUID();
    await kafka.produce(inventoryTopic, discovered(subject, { traceparent: INCOMING }));

    const followUp = valueOf(await publishedUpdateOf(subject));

    expect(parseTraceparent(followUp.traceparent)?.traceId).toBe(parseTraceparent(INCOMING)?.traceId);
  });

  it.each([
    ['without trace context', {}],
    ['with a malformed traceparent', { traceparent: 'not-a-traceparent', tracestate: 42 }],
  ])('applies an event %s, and its follow-up starts a trace of its own', async (_what, trace) => {
    const subject = randomUUID();
    await kafka.produce(inventoryTopic, discovered(subject, trace));

    const followUp = valueOf(await publishedUpdateOf(subject));

    expect(followUp.traceparent).toMatch(W3C_TRACEPARENT);
    expect(parseTraceparent(followUp.traceparent)?.traceId).not.toBe(parseTraceparent(INCOMING)?.traceId);
  });
});
