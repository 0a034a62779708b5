import { env, loadConfig, z } from '@nhi/config';

/** Everything the reference integrator reads from its environment. */
export const integratorEnvShape = {
  HOST: env.string('127.0.0.1'),
  /** Only /health listens here. */
  PORT: env.port(4006),
  KAFKA_BROKERS: env.hostPorts('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  KAFKA_GROUP_ID: env.string('reference-integrator'),
  /** Providers this connector manages; requests for others are left to their own integrators. */
  INTEGRATOR_PROVIDERS: z
    .string()
    .default('demo')
    .transform((value) =>
      value
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** How long the simulated secret manager takes to rotate or revoke. */
  INTEGRATOR_LATENCY_MS: z.coerce.number().int().min(0).default(200),
  /** Share of requests it fails, 0 to 1. */
  INTEGRATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
};

export type IntegratorConfig = z.output<z.ZodObject<typeof integratorEnvShape>>;

export function loadIntegratorConfig(environment: NodeJS.ProcessEnv): IntegratorConfig {
  return loadConfig('reference-integrator', integratorEnvShape, environment) as IntegratorConfig;
}
