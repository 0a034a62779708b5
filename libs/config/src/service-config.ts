import { env, z } from './env-schema';
import { kafkaSecurityEnvShape } from './kafka-security';
import { postgresTlsEnvShape } from './postgres-tls-env';
import { tracingEnvShape } from './tracing-env';
import { DEFAULT_DLQ_PARTITIONS, DEFAULT_TOPIC_PARTITIONS, topicPartitionOverrides } from './topic-partitions';

/** A subgraph's database: what the service and its `migrate` command both read. */
export function databaseEnvShape(service: string) {
  return {
    DATABASE_URL: env.url(['postgres', 'postgresql'], `postgres://postgres@127.0.0.1:5432/nhi_${service}`),
    /** auto: migrate at start, replicas taking turns; skip: `npm run migrate` ran before the rollout, only check (ADR 0025). */
    DATABASE_MIGRATIONS: z.enum(['auto', 'skip'], { message: 'expected auto or skip' }).default('auto'),
    ...postgresTlsEnvShape(),
  };
}

/** Variables every subgraph reads. Defaults make a local `npm start` work with no set-up. */
export function subgraphEnvShape(service: string, defaultPort: number) {
  return {
    NODE_ENV: env.nodeEnv(),
    HOST: env.string('127.0.0.1'),
    PORT: env.port(defaultPort),
    LOG_LEVEL: env.logLevel(),
    ...databaseEnvShape(service),
    KAFKA_BROKERS: env.hostPorts('127.0.0.1:9092'),
    ...kafkaSecurityEnvShape(),
    KAFKA_CLIENT_ID: env.string(`nhi-${service}`),
    KAFKA_GROUP_ID: env.string(`nhi-${service}`),
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    /** Partitions of each platform topic the service creates: at most this many instances share a topic (ADR 0026). */
    KAFKA_TOPIC_PARTITIONS: env.positiveInt(DEFAULT_TOPIC_PARTITIONS),
    /** "nhi.lifecycle.events.v1=24,nhi.audit.events.v1=6": per logical topic (or its .dlq), over the two defaults. */
    KAFKA_TOPIC_PARTITIONS_OVERRIDES: topicPartitionOverrides(),
    KAFKA_DLQ_PARTITIONS: env.positiveInt(DEFAULT_DLQ_PARTITIONS),
    /** Adds partitions to existing topics that have fewer than configured; remaps keys, so only with producers quiesced. */
    KAFKA_TOPIC_GROW_PARTITIONS: env.boolean(false),
    KAFKA_REPLICATION_FACTOR: env.positiveInt(1),
    OUTBOX_POLL_INTERVAL_MS: env.positiveInt(250),
    /** How long published outbox rows are kept (for operators tracing an event) before the relay purges them. */
    OUTBOX_RETENTION_HOURS: env.positiveInt(24),
    CONSUMER_MAX_ATTEMPTS: env.positiveInt(5),
    CONSUMER_RETRY_BASE_MS: env.positiveInt(200),
    CONSUMER_RUN_SIZE: env.positiveInt(500),
    /** How long the group waits for a silent member (a killed process) before it gives its partitions to the others. */
    CONSUMER_SESSION_TIMEOUT_MS: env.positiveInt(15_000),
    ACTOR_SIGNING_KEY: env.secret(32),
    SHUTDOWN_TIMEOUT_MS: env.positiveInt(10000),
    /** Longest a request may take; bulk uploads of millions of rows take many minutes (Node's default is 5). */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(3_600_000),
    /** Largest JSON request body: ingest batches of thousands of rows need more than the 100 kB default. */
    BODY_LIMIT: env.byteSize('16mb'),
    ...tracingEnvShape(),
  };
}

export type SubgraphEnvShape = ReturnType<typeof subgraphEnvShape>;
export type SubgraphConfig = z.output<z.ZodObject<SubgraphEnvShape>>;
