import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';

/**
 * The platform's Kafka TLS and SASL variables (KAFKA_SSL, KAFKA_SSL_CA_FILE,
 * KAFKA_SASL_MECHANISM ...), read the way its services read them, for an
 * integrator that connects to the same brokers. The SDK depends on nothing
 * of the platform, so this is its own copy; a test holds it to the
 * platform's reading (ADR 0034).
 */
export type KafkaSecurityOptions = Pick<KafkaConfig, 'ssl' | 'sasl'>;

/** Raised when the variables are wrong: names each variable and why, never a value or a file's content. */
export class KafkaSecurityConfigError extends Error {
  override readonly name = 'KafkaSecurityConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid Kafka security settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
type Mechanism = (typeof MECHANISMS)[number];
/** One variant per mechanism, which kafkajs's own union takes. */
type Sasl = { [M in Mechanism]: { mechanism: M; username: string; password: string } }[Mechanism];
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (RSA |EC |)PRIVATE KEY-----/;

type ReadFile = (path: string) => string;

function flag(environment: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const value = environment[name] || (fallback ? 'true' : 'false');
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(value)) problems.push(`${name}: expected true or false`);
  return ['true', '1', 'yes'].includes(value);
}

/** kafkajs `ssl` and `sasl` from the environment: both absent when no variable is set (a plain-text listener). */
export function kafkaSecurityFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  read: ReadFile = (path) => readFileSync(path, 'utf8'),
): KafkaSecurityOptions {
  const problems: string[] = [];
  const value = (name: string) => environment[name] || undefined;
  const file = (name: string, expected?: RegExp): string | undefined => {
    const path = value(name);
    if (!path) return undefined;
    try {
      const content = read(path);
      const what = expected === PEM_CERTIFICATE ? 'PEM certificate' : 'unencrypted PEM private key';
      if (expected && !expected.test(content)) problems.push(`${name}: the file it names holds no ${what}`);
      return content;
    } catch (error) {
      problems.push(`${name}: the file it names cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
      return undefined;
    }
  };
  const ssl = flag(environment, 'KAFKA_SSL', false, problems);
  const rejectUnauthorized = flag(environment, 'KAFKA_SSL_REJECT_UNAUTHORIZED', true, problems);
  const mechanism = value('KAFKA_SASL_MECHANISM');
  if (mechanism && !MECHANISMS.includes(mechanism as Mechanism)) {
    problems.push(`KAFKA_SASL_MECHANISM: expected one of ${MECHANISMS.join(', ')}`);
  }
  if (problems.length > 0) throw new KafkaSecurityConfigError(problems);
  const options: KafkaSecurityOptions = {};
  const tlsFiles = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'];
  if (!ssl) {
    for (const name of tlsFiles) if (value(name)) problems.push(`${name}: is set but KAFKA_SSL is not true`);
  } else {
    if (Boolean(value('KAFKA_SSL_CERT_FILE')) !== Boolean(value('KAFKA_SSL_KEY_FILE'))) {
      problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE: set both (mutual TLS) or neither');
    }
    const [ca, cert, key] = [
      file('KAFKA_SSL_CA_FILE', PEM_CERTIFICATE),
      file('KAFKA_SSL_CERT_FILE', PEM_CERTIFICATE),
      file('KAFKA_SSL_KEY_FILE', PEM_PRIVATE_KEY),
    ];
    options.ssl = { rejectUnauthorized, ...(ca ? { ca: [ca] } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  }
  const sasl = saslFrom(mechanism as Mechanism | undefined, ssl, value, file, problems);
  if (problems.length > 0) throw new KafkaSecurityConfigError(problems);
  return sasl ? { ...options, sasl } : options;
}

function saslFrom(
  mechanism: Mechanism | undefined,
  ssl: boolean,
  value: (name: string) => string | undefined,
  file: (name: string) => string | undefined,
  problems: string[],
): Sasl | undefined {
  if (!mechanism) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE']) {
      if (value(name)) problems.push(`${name}: is set but KAFKA_SASL_MECHANISM is not`);
    }
    return undefined;
  }
  if (mechanism === 'plain' && !ssl) problems.push('KAFKA_SASL_MECHANISM: plain sends the password as it is; it needs KAFKA_SSL=true');
  const username = value('KAFKA_SASL_USERNAME');
  if (!username) problems.push('KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set');
  const [inline, named] = [value('KAFKA_SASL_PASSWORD'), value('KAFKA_SASL_PASSWORD_FILE')];
  if (inline && named) problems.push('KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE: set one, not both');
  if (!inline && !named) problems.push('KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE: one is required when KAFKA_SASL_MECHANISM is set');
  const fromFile = named && !inline ? file('KAFKA_SASL_PASSWORD_FILE')?.replace(/\r?\n$/, '') : undefined;
  if (fromFile === '') problems.push('KAFKA_SASL_PASSWORD_FILE: the file it names is empty');
  const password = inline ?? fromFile;
  return username && password ? { mechanism, username, password } : undefined;
}
