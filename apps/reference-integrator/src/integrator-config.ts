import { z } from 'zod';

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
});

export type IntegratorConfig = z.output<typeof integratorEnv>;

/** The configuration, or an error naming the variables that are wrong (never their values). */
export function loadIntegratorConfig(environment: NodeJS.ProcessEnv): IntegratorConfig {
  const parsed = integratorEnv.safeParse(environment);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`reference-integrator configuration is invalid: ${problems.join('; ')}`);
}
