import { jwtEnvShape, loadConfig, z } from '@nhi/config';

/** Variables only metrics reads, on top of every subgraph's. */
export const metricsEnvShape = {
  /** An owned identity counts as attested when its owner confirmed it within this many days. */
  ATTESTATION_WINDOW_DAYS: z.coerce.number().int().positive().default(90),
  /** Approved exceptions expiring within this many days count as expiring. */
  EXPIRING_WITHIN_DAYS: z.coerce.number().int().positive().default(7),
  /** How often daily snapshots are brought up to date (today's is taken again each time, from the running totals; earlier days that new history touches are recomputed by a scan of it); 0 turns it off. */
  SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(0).default(900_000),
  /** How many days back snapshots are computed when history reaches further (a first start, a rebuild). */
  SNAPSHOT_BACKFILL_DAYS: z.coerce.number().int().positive().default(400),
  /** How often each process's search index reads the identities whose search rows changed: what identitySearch lags the events by, at most. */
  SEARCH_REFRESH_MS: z.coerce.number().int().positive().default(1_000),
};

export type MetricsConfig = z.output<z.ZodObject<typeof metricsEnvShape & ReturnType<typeof jwtEnvShape>>>;

export const METRICS_CONFIG = Symbol('METRICS_CONFIG');

export function loadMetricsConfig(environment: NodeJS.ProcessEnv): MetricsConfig {
  // JWT_* verify the bearer tokens of clients that fetch the auditor reports directly.
  return loadConfig('metrics', { ...metricsEnvShape, ...jwtEnvShape(environment) }, environment) as MetricsConfig;
}
