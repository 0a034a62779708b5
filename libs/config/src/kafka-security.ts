import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { env, z } from './env-schema';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/**
 * How a service (or tool) reaches the brokers: TLS, SASL, both or neither (ADR 0034).
 * Files rather than values for certificates and keys, so a mounted secret is used as it is.
 */
export function kafkaSecurityEnvShape() {
  return {
    /** true: connect over TLS (the broker's SSL or SASL_SSL listener). */
    KAFKA_SSL: env.boolean(false),
    /** PEM file of the CA certificates that signed the brokers' certificates; Node's public CAs when unset (managed services). */
    KAFKA_SSL_CA_FILE: env.optionalString(),
    /** PEM client certificate, for brokers that require mutual TLS; set together with KAFKA_SSL_KEY_FILE. */
    KAFKA_SSL_CERT_FILE: env.optionalString(),
    /** PEM private key (unencrypted) of KAFKA_SSL_CERT_FILE. */
    KAFKA_SSL_KEY_FILE: env.optionalString(),
    /** false accepts any broker certificate: only ever for a throwaway test broker, never in production. */
    KAFKA_SSL_REJECT_UNAUTHORIZED: env.boolean(true),
    /** scram-sha-512 (self-run brokers, MSK), scram-sha-256 or plain (managed services with API keys; needs KAFKA_SSL=true). Unset: no SASL. */
    KAFKA_SASL_MECHANISM: z.enum(KAFKA_SASL_MECHANISMS, { message: `expected one of ${KAFKA_SASL_MECHANISMS.join(', ')}` }).optional(),
    /** SASL user name (for plain on a managed service, usually the API key). */
    KAFKA_SASL_USERNAME: env.optionalString(),
    /** SASL password; prefer KAFKA_SASL_PASSWORD_FILE, which keeps it out of the process environment. */
    KAFKA_SASL_PASSWORD: env.optionalString(),
    /** File whose content (one trailing newline dropped) is the SASL password: a mounted secret. */
    KAFKA_SASL_PASSWORD_FILE: env.optionalString(),
  };
}

export type KafkaSecuritySettings = z.output<z.ZodObject<ReturnType<typeof kafkaSecurityEnvShape>>>;

/** TLS options as Node's tls.connect takes them (and kafkajs passes them on). */
export interface KafkaTls {
  ca?: string[];
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
}

/** One variant per mechanism, as kafkajs types them. */
export type KafkaSasl = { [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string } }[KafkaSaslMechanism];

/** What a kafkajs client needs besides brokers and client id: both undefined for a plain-text listener. */
export interface KafkaSecurity {
  ssl?: KafkaTls;
  sasl?: KafkaSasl;
}

type ReadFile = (path: string) => string;

const readText: ReadFile = (path) => readFileSync(path, 'utf8');

/**
 * Checks the settings together and reads the files they name. Throws a
 * ConfigError naming every variable that is wrong and why, never a value (a
 * password, a key) nor the content of a file.
 */
export function kafkaSecurity(settings: KafkaSecuritySettings, read: ReadFile = readText): KafkaSecurity {
  const problems: string[] = [];
  const file = (name: keyof KafkaSecuritySettings, expected: RegExp | null): string | undefined => {
    const path = settings[name];
    if (typeof path !== 'string' || path === '') return undefined;
    let content: string;
    try {
      content = read(path);
    } catch (error) {
      problems.push(`${name}: the file it names cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
      return undefined;
    }
    if (expected && !expected.test(content)) problems.push(`${name}: the file it names holds no ${describe(expected)}`);
    return content;
  };
  const ssl = tlsOptions(settings, file, problems);
  const sasl = saslOptions(settings, file, problems);
  if (problems.length > 0) throw new ConfigError('kafka', problems);
  return { ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}

/** The settings from an environment, checked: for tools and CLIs, which read nothing else of the platform's. */
export function kafkaSecurityFromEnv(environment: NodeJS.ProcessEnv = process.env, read?: ReadFile): KafkaSecurity {
  return kafkaSecurity(loadConfig('kafka', kafkaSecurityEnvShape(), environment), read);
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (RSA |EC |)PRIVATE KEY-----/;

function describe(expected: RegExp): string {
  return expected === PEM_CERTIFICATE ? 'PEM certificate' : 'unencrypted PEM private key';
}

type FileReader = (name: keyof KafkaSecuritySettings, expected: RegExp | null) => string | undefined;

function tlsOptions(settings: KafkaSecuritySettings, file: FileReader, problems: string[]): KafkaTls | undefined {
  const tlsFiles = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const;
  if (!settings.KAFKA_SSL) {
    // A certificate set up for a connection that will not use it is a mistake worth stopping for.
    for (const name of tlsFiles) if (settings[name]) problems.push(`${name}: is set but KAFKA_SSL is not true`);
    return undefined;
  }
  if (Boolean(settings.KAFKA_SSL_CERT_FILE) !== Boolean(settings.KAFKA_SSL_KEY_FILE)) {
    problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE: set both (mutual TLS) or neither');
  }
  const ca = file('KAFKA_SSL_CA_FILE', PEM_CERTIFICATE);
  const cert = file('KAFKA_SSL_CERT_FILE', PEM_CERTIFICATE);
  const key = file('KAFKA_SSL_KEY_FILE', PEM_PRIVATE_KEY);
  return {
    rejectUnauthorized: settings.KAFKA_SSL_REJECT_UNAUTHORIZED,
    ...(ca ? { ca: [ca] } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}

function saslOptions(settings: KafkaSecuritySettings, file: FileReader, problems: string[]): KafkaSasl | undefined {
  const mechanism = settings.KAFKA_SASL_MECHANISM;
  const hasPassword = Boolean(settings.KAFKA_SASL_PASSWORD);
  const hasPasswordFile = Boolean(settings.KAFKA_SASL_PASSWORD_FILE);
  if (!mechanism) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'] as const) {
      if (settings[name]) problems.push(`${name}: is set but KAFKA_SASL_MECHANISM is not`);
    }
    return undefined;
  }
  if (mechanism === 'plain' && !settings.KAFKA_SSL) {
    problems.push('KAFKA_SASL_MECHANISM: plain sends the password as it is; it needs KAFKA_SSL=true');
  }
  if (!settings.KAFKA_SASL_USERNAME) problems.push('KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set');
  if (hasPassword && hasPasswordFile) problems.push('KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE: set one, not both');
  if (!hasPassword && !hasPasswordFile) {
    problems.push('KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE: one is required when KAFKA_SASL_MECHANISM is set');
  }
  const fromFile = hasPasswordFile && !hasPassword ? file('KAFKA_SASL_PASSWORD_FILE', null)?.replace(/\r?\n$/, '') : undefined;
  if (fromFile === '') problems.push('KAFKA_SASL_PASSWORD_FILE: the file it names is empty');
  const password = settings.KAFKA_SASL_PASSWORD ?? fromFile;
  if (!settings.KAFKA_SASL_USERNAME || !password) return undefined;
  return { mechanism, username: settings.KAFKA_SASL_USERNAME, password };
}
