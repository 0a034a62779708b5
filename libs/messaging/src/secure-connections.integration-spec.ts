import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { kafkaSecurityFromEnv, type KafkaSecurity } from '@nhi/config';
import { postgresConnection } from '@nhi/persistence';
import {
  identityDiscoveredData,
  makeTestPki,
  startSecureKafkaBroker,
  startTlsPostgres,
  uniqueTopicPrefix,
  waitFor,
  type SecureKafkaBroker,
  type TestPki,
  type TlsPostgresServer,
} from '@nhi/testing';
import { kafkaClient } from './kafka/kafka-client';
import { OutboxService } from './outbox/outbox.service';
import { compileMessagingTestApp } from './test-support/messaging-test-app';

/**
 * ADR 0034: the messaging stack (relay publishing, a consumer group
 * consuming) against a broker of the test's own whose only client listener
 * requires SASL_SSL, and a PostgreSQL of its own that takes TLS only, checked
 * with sslmode=verify-full. CA and certificates are made here with openssl.
 */
const scramPassword = randomBytes(12).toString('hex');
const plainPassword = randomBytes(12).toString('hex');
const prefix = uniqueTopicPrefix('secure');

let dir: string;
let pki: TestPki;
let broker: SecureKafkaBroker;
let postgres: TlsPostgresServer;
let passwordFile: string;

/** What a service reads from its environment, pointed at the secured broker. */
function securityFromEnv(overrides: Record<string, string> = {}): KafkaSecurity {
  return kafkaSecurityFromEnv({
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: pki.caCert,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'nhi-service',
    KAFKA_SASL_PASSWORD_FILE: passwordFile,
    ...overrides,
  });
}

/** A connection attempt with no retries, so a refusal is reported at once. */
async function connectAdmin(security: KafkaSecurity): Promise<string[]> {
  const admin = kafkaClient({ clientId: 'secure-test', brokers: broker.brokers, security, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

function verifyFull(host: string, caCert = pki.caCert, database = 'postgres'): string {
  return `${postgres.url(host, database)}?sslmode=verify-full&sslrootcert=${encodeURIComponent(caCert)}`;
}

async function sslInUse(databaseUrl: string): Promise<boolean> {
  const client = new Client(postgresConnection(databaseUrl, {}));
  await client.connect();
  try {
    const { rows } = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    return rows[0]?.ssl ?? false;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nhi-secure-'));
  // PostgreSQL runs as its own user when the test runs as root: it must reach its directory.
  await chmod(dir, 0o755);
  passwordFile = path.join(dir, 'kafka-password');
  await writeFile(passwordFile, `${scramPassword}\n`, { mode: 0o600 });
  pki = await makeTestPki(dir, [
    { name: 'broker', altNames: ['IP:127.0.0.1', 'DNS:localhost'] },
    // localhost only: 127.0.0.1 is a name the certificate does not hold.
    { name: 'postgres', altNames: ['DNS:localhost'] },
  ]);
  [broker, postgres] = await Promise.all([
    startSecureKafkaBroker({
      dir: path.join(dir, 'kafka'),
      certificate: pki.servers['broker']!,
      scramUsers: { 'nhi-service': scramPassword },
      plainUsers: { 'nhi-plain': plainPassword },
    }),
    startTlsPostgres(path.join(dir, 'postgres'), pki.servers['postgres']!),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([broker?.stop(), postgres?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('PostgreSQL over TLS', () => {
  it('connects with sslmode=verify-full to the name in the certificate, signed by the CA it trusts', async () => {
    expect(await sslInUse(verifyFull('localhost'))).toBe(true);
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(sslInUse(verifyFull('localhost', pki.otherCaCert))).rejects.toThrow(/certificate/i);
  });

  it('refuses a host name the certificate does not hold, which verify-ca would accept', async () => {
    await expect(sslInUse(verifyFull('127.0.0.1'))).rejects.toThrow(/not in the cert's list|does not match certificate/i);
    const verifyCa = `${postgres.url('127.0.0.1')}?sslmode=verify-ca&sslrootcert=${encodeURIComponent(pki.caCert)}`;
    expect(await sslInUse(verifyCa)).toBe(true);
  });

  it('takes the CA from PGSSLROOTCERT when the URL names none', async () => {
    const client = new Client(postgresConnection(postgres.url('localhost'), { PGSSLMODE: 'verify-full', PGSSLROOTCERT: pki.otherCaCert }));
    await expect(client.connect()).rejects.toThrow(/certificate/i);
  });
});

describe('Kafka over SASL_SSL', () => {
  it('refuses a wrong password with an authentication error that does not quote it', async () => {
    const wrong = `wrong-${scramPassword}`;
    const refusal = await connectAdmin(securityFromEnv({ KAFKA_SASL_PASSWORD_FILE: '', KAFKA_SASL_PASSWORD: wrong })).catch(
      (error: Error) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(/SASL SCRAM SHA512 authentication failed/);
    expect((refusal as Error).message).not.toContain(wrong);
  });

  it('refuses a broker whose certificate a CA it does not trust signed', async () => {
    await expect(connectAdmin(securityFromEnv({ KAFKA_SSL_CA_FILE: pki.otherCaCert }))).rejects.toThrow(/certificate/i);
  });

  it('publishes through the relay and consumes in a consumer group with SCRAM-SHA-512, its database checked by verify-full', async () => {
    const app: TestingModule = await compileMessagingTestApp({
      databaseUrl: verifyFull('localhost', pki.caCert, 'nhi_secure_messaging'),
      brokers: broker.brokers,
      security: securityFromEnv(),
      topicPrefix: prefix,
      groupId: `${prefix}consumer`,
      withHandlers: true,
      outboxPollIntervalMs: 200,
      consumerRetryBaseMs: 50,
    });
    await app.init();
    try {
      const dataSource = app.get(DataSource);
      const subject = randomUUID();
      const event = await dataSource.transaction((manager) =>
        app
          .get(OutboxService)
          .enqueue(manager, { type: 'nhi.identity.discovered', subject, data: identityDiscoveredData({ id: subject }) }),
      );
      await waitFor(
        async () => {
          const rows: Array<{ count: string }> = await dataSource.query(
            `SELECT count(*) AS count FROM test_applied_events WHERE event_id = $1 AND handler = 'project'`,
            [event.id],
          );
          return Number(rows[0]?.count) === 1;
        },
        { what: 'the event to come back through the secured broker', timeoutMs: 30_000 },
      );
    } finally {
      await app.close();
    }
    // Another user, another mechanism (what managed services with API keys offer), on the same listener.
    const topics = await connectAdmin(
      securityFromEnv({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'nhi-plain',
        KAFKA_SASL_PASSWORD_FILE: '',
        KAFKA_SASL_PASSWORD: plainPassword,
      }),
    );
    expect(topics).toContain(`${prefix}nhi.inventory.events.v1`);
  }, 60_000);
});
