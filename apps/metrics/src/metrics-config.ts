import { jwtEnvShape, loadConfig, z } from '@nhi/config';

/** Variables only metrics reads, on top of every subgraph's. */
export const metricsEnvShape = {
  /** An owned identity counts as attested when its owner confirmed it within this many days. */
  ATTESTATION_WINDOW_DAYS: z.coerce.number().int().positive().default(90),
  /** Approved exceptions expiring within this many days count as expiring. */
  EXPIRING_WITHIN_DAYS: z.coerce.number().int().positive().default(7),
};

export type MetricsConfig = z.output<z.ZodObject<typeof metricsEnvShape & ReturnType<typeof jwtEnvShape>>>;

export const METRICS_CONFIG = Symbol('METRICS_CONFIG');

export function loadMetricsConfig(environment: NodeJS.ProcessEnv): MetricsConfig {
  // JWT_* verify the bearer tokens of clients that fetch the auditor reports directly.
  return loadConfig('metrics', { ...metricsEnvShape, ...jwtEnvShape(environment) }, environment) as MetricsConfig;
}
