import { loadConfig, z } from '@nhi/config';

/** Variables only lifecycle reads, on top of every subgraph's. */
export const lifecycleEnvShape = {
  /** First wait before retrying a failed or timed-out attempt; it doubles with each attempt. */
  ROTATION_RETRY_BASE_MS: z.coerce.number().int().positive().default(60_000),
  /** How often deadlines and due retries are checked; 0 turns it off. */
  LIFECYCLE_TICK_MS: z.coerce.number().int().min(0).default(1_000),
};

export type LifecycleConfig = z.output<z.ZodObject<typeof lifecycleEnvShape>>;

export const LIFECYCLE_CONFIG = Symbol('LIFECYCLE_CONFIG');

export function loadLifecycleConfig(environment: NodeJS.ProcessEnv): LifecycleConfig {
  return loadConfig('lifecycle', lifecycleEnvShape, environment) as LifecycleConfig;
}
