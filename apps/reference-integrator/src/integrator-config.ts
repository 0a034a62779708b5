import { z } from 'zod';
import { kafkaSecurityFromEnvironment, type KafkaSecurityOptions } from '@nhi/integrator-sdk';

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );

/** Everything the reference integrator reads from its environment (its own reading: it uses nothing of the platform's). */
export const integratorEnv = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Only /health listens here. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4006),
  KAFKA_BROKERS: list('127.0.0.1:9092'),
  // TLS and SASL to the brokers, read by the SDK as the platform's services read them (ADR 0034).
  /** true: connect over TLS (the broker's SSL or SASL_SSL listener). */
  KAFKA_SSL: z.string().optional(),
  /** PEM file of the CA certificates that signed the brokers' certificates; Node's public CAs when unset. */
  KAFKA_SSL_CA_FILE: z.string().optional(),
  /** PEM client certificate, for brokers that require mutual TLS; set together with KAFKA_SSL_KEY_FILE. */
  KAFKA_SSL_CERT_FILE: z.string().optional(),
  /** PEM private key (unencrypted) of KAFKA_SSL_CERT_FILE. */
  KAFKA_SSL_KEY_FILE: z.string().optional(),
  /** false accepts any broker certificate: only ever for a throwaway test broker. */
  KAFKA_SSL_REJECT_UNAUTHORIZED: z.string().optional(),
  /** scram-sha-512, scram-sha-256 or plain (plain needs KAFKA_SSL=true). Unset: no SASL. */
  KAFKA_SASL_MECHANISM: z.string().optional(),
  /** SASL user name. */
  KAFKA_SASL_USERNAME: z.string().optional(),
  /** SASL password; prefer KAFKA_SASL_PASSWORD_FILE. */
  KAFKA_SASL_PASSWORD: z.string().optional(),
  /** File whose content (one trailing newline dropped) is the SASL password: a mounted secret. */
  KAFKA_SASL_PASSWORD_FILE: z.string().optional(),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  KAFKA_GROUP_ID: z.string().min(1).default('reference-integrator'),
  /** The CloudEvents source of its results: the platform trusts results from registered sources only. */
  INTEGRATOR_SOURCE: z.string().min(1).default('/nhi/reference-integrator'),
  /** Providers this connector manages; requests for others are left to their own integrators. */
  INTEGRATOR_PROVIDERS: list('demo').transform((providers) => providers.map((p) => p.toLowerCase())),
  /** How long the simulated secret manager takes to rotate or revoke. */
  INTEGRATOR_LATENCY_MS: z.coerce.number().int().min(0).default(200),
  /** Up to this much more, at random, per request: a real secret manager does not answer like a clock. */
  INTEGRATOR_LATENCY_JITTER_MS: z.coerce.number().int().min(0).default(0),
  /** Share of requests it fails, 0 to 1. */
  INTEGRATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** structured (default) or binary CloudEvents content mode for its results. */
  INTEGRATOR_CONTENT_MODE: z.enum(['structured', 'binary']).default('structured'),
  /** On SIGTERM it finishes the batch in flight (answers sent, offsets committed) and leaves its group; past this it exits 1. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Turns span export on (src/tracing.ts): the collector's OTLP endpoint. Unset: no spans; answers still carry the request's traceparent. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The service.name on its spans; reference-integrator when unset. */
  OTEL_SERVICE_NAME: z.string().optional(),
});

export type IntegratorConfig = z.output<typeof integratorEnv> & {
  /** kafkajs `ssl` and `sasl`, checked and with their files read. */
  kafkaSecurity: KafkaSecurityOptions;
};

/** The configuration, or an error naming the variables that are wrong (never their values). */
export function loadIntegratorConfig(environment: NodeJS.ProcessEnv): IntegratorConfig {
  // An empty variable is an unset one, as for the platform's services: an env file's NAME= (docker compose, a ConfigMap) keeps the default.
  const values = Object.fromEntries(Object.keys(integratorEnv.shape).map((name) => [name, environment[name] || undefined]));
  const parsed = integratorEnv.safeParse(values);
  if (parsed.success) return { ...parsed.data, kafkaSecurity: kafkaSecurityFromEnvironment(environment) };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`reference-integrator configuration is invalid: ${problems.join('; ')}`);
}
