import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Message } from 'kafkajs';
import { Actor, ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  createEvent,
  EVENT_TYPES,
  EventDataByType,
  EventType,
  IdentitySnapshot,
  NhiEvent,
  serializeEvent,
} from '@nhi/contracts';
import { createTestDatabase, TestDatabase } from './database';
import { identityDiscoveredData } from './events';
import { testKafkaBrokers, uniqueTopicPrefix } from './kafka';
import { KafkaTestClient } from './kafka-test-client';
import { waitFor } from './wait-for';

export interface StartedApp {
  url: string;
  close(): Promise<void>;
}

export type SubgraphBootstrap = (env: Record<string, string>, handleSignals: boolean) => Promise<StartedApp>;

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The identity an event is about, whichever field of its data names it. */
function subjectOf(data: unknown): string {
  const fields = data as { identity?: { id: string }; id?: string; identityId?: string; nhiId?: string };
  const subject = fields.identity?.id ?? fields.id ?? fields.identityId ?? fields.nhiId;
  if (!subject) throw new Error('cannot tell which identity this event is about');
  return subject;
}

export const TEST_ADMIN: Actor = { sub: 'test-admin', roles: ['security-admin'], ownerRefs: [] };

/**
 * One subgraph started in-process on the real PostgreSQL (a fresh database)
 * and the real broker (a topic prefix of its own), called the way the gateway
 * calls it: with a signed actor header.
 */
export class SubgraphUnderTest {
  private constructor(
    readonly url: string,
    readonly database: TestDatabase,
    readonly topicPrefix: string,
    readonly groupId: string,
    readonly signingKey: string,
    readonly kafka: KafkaTestClient,
    private readonly app: StartedApp,
  ) {}

  static async start(label: string, bootstrap: SubgraphBootstrap, env: Record<string, string> = {}): Promise<SubgraphUnderTest> {
    const database = await createTestDatabase(label);
    const topicPrefix = uniqueTopicPrefix(label);
    const groupId = `test-${label}-${randomBytes(4).toString('hex')}`;
    const signingKey = randomBytes(32).toString('base64url');
    const brokers = testKafkaBrokers();
    const kafka = await KafkaTestClient.connect(brokers);
    const app = await bootstrap(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_GROUP_ID: groupId,
        KAFKA_TOPIC_PARTITIONS: '1',
        ACTOR_SIGNING_KEY: signingKey,
        OUTBOX_POLL_INTERVAL_MS: '100',
        CONSUMER_RETRY_BASE_MS: '20',
        ...env,
      },
      false,
    );
    return new SubgraphUnderTest(app.url, database, topicPrefix, groupId, signingKey, kafka, app);
  }

  topic(logical: string): string {
    return `${this.topicPrefix}${logical}`;
  }

  /** Publishes an event on the service's (prefixed) topic exactly as its producer would; returns it. */
  async publish<T extends EventType>(type: T, data: EventDataByType[T], source = 'inventory'): Promise<NhiEvent<T>> {
    const event = createEvent({ source, type, subject: subjectOf(data), data });
    await this.redeliver(event);
    return event;
  }

  /**
   * Publishes a discovered identity as inventory would and waits until the
   * service's `table` holds it (by identity_id); returns its id.
   */
  async discover(table: string, overrides: Partial<IdentitySnapshot> = {}): Promise<string> {
    const data = identityDiscoveredData(overrides);
    await this.publish('nhi.identity.discovered', data);
    await waitFor(async () => (await this.sql(`SELECT 1 FROM ${table} WHERE identity_id = $1`, [data.identity.id])).length > 0, {
      what: `${table} to hold identity ${data.identity.id}`,
    });
    return data.identity.id;
  }

  /** Sends an already published event again: what a redelivery after a crash looks like. */
  async redeliver(event: NhiEvent): Promise<void> {
    await this.kafka.produce(this.topic(EVENT_TYPES[event.type].topic), {
      key: event.subject,
      value: serializeEvent(event),
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
    });
  }

  /**
   * Publishes events of one subject and topic in one request, so that they
   * land side by side and the service's consumer reads them as one run. Events
   * of several subjects need one `key` for all (an integrator may key its
   * results as it likes; a topic with several partitions would split them otherwise).
   */
  async publishRun(events: readonly NhiEvent[], key?: string): Promise<{ partition: number; offset: string }> {
    const topics = new Set(events.map((event) => EVENT_TYPES[event.type].topic));
    const [topic] = topics;
    if (topics.size !== 1 || !topic) throw new Error('publishRun takes events of one topic');
    return this.kafka.produceRun(
      this.topic(topic),
      events.map((event) => ({
        key: key ?? event.subject,
        value: serializeEvent(event),
        headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
      })),
    );
  }

  /** Sends a record as an outside client writes it: nothing of it built or checked by platform code. */
  async produceRaw(logicalTopic: string, message: Message): Promise<{ partition: number; offset: string }> {
    return this.kafka.produce(this.topic(logicalTopic), message);
  }

  /** Posts an operation as the gateway would, signed for `actor`. */
  async query<T>(query: string, variables: Record<string, unknown> = {}, actor: Actor = TEST_ADMIN): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: signActorHeader(actor, this.signingKey) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<T>, 'status'>) };
  }

  /** Reads the service's own database directly: what a test asserts was (or was not) stored. */
  /** How many events of a type the service's outbox holds for each subject (identity): what "once" is checked against. */
  async eventsPerSubject(type: string): Promise<Map<string, number>> {
    const rows = await this.sql<{ subject: string; n: number }>(
      `SELECT payload->>'subject' AS subject, count(*)::int AS n FROM outbox_events WHERE payload->>'type' = $1 GROUP BY 1`,
      [type],
    );
    return new Map(rows.map((row) => [row.subject, row.n]));
  }

  async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
    await this.kafka.deleteTopicsWithPrefix(this.topicPrefix);
    await this.kafka.deleteGroups([this.groupId]).catch(() => undefined);
    await this.kafka.disconnect();
  }
}
