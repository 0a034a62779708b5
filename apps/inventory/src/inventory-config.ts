import { env, jwtEnvShape, loadConfig, z } from '@nhi/config';

/** Variables only inventory reads, on top of every subgraph's. */
export const inventoryEnvShape = {
  /** Full snapshots in a row that may miss an identity before it is STALE. */
  STALE_AFTER_SNAPSHOTS: env.positiveInt(2),
  /** Older credentials are an NHI7 finding. */
  MAX_CREDENTIAL_AGE_DAYS: env.positiveInt(365),
  /** An active access key or service-account key not rotated for longer is an NHI7 finding (CIS AWS 1.14 says 90). */
  KEY_MAX_AGE_DAYS: env.positiveInt(90),
  /** An identity or credential not used for longer (or never, once this old) is an NHI1 finding. */
  UNUSED_AFTER_DAYS: env.positiveInt(90),
  /** Cloud account ids the organisation owns, beyond each identity's own: trust in any other is a third party's (NHI3). */
  KNOWN_ACCOUNT_IDS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** How often credentials that have aged past the maximum get their NHI7 finding without a new report; 0 turns it off. */
  FINDINGS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Sources whose reports mean "this credential leaked" (NHI2). */
  LEAK_SCANNER_SOURCES: z
    .string()
    .default('gitguardian,trufflehog,github-secret-scanning,leak-scanner')
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Rows written per statement group; bounds memory and lock time. */
  INGEST_CHUNK_SIZE: env.positiveInt(1000),
  /**
   * Connections one ingest writes on at once. Rows are spread by natural key, so
   * one identity's rows stay in order on one connection; a dry run uses one.
   */
  INGEST_WRITERS: env.positiveInt(4),
  /**
   * Largest share of a source's active identities one full snapshot may mark
   * STALE; a bigger one (a truncated export, a connector pointed at the wrong
   * account) is refused unless the caller forces it.
   */
  SNAPSHOT_MAX_STALE_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  /** Most rows one GraphQL ingestIdentities call may carry; bigger loads use POST /ingest/{source}. */
  INGEST_MAX_GRAPHQL_ROWS: env.positiveInt(10000),
};

export type InventoryConfig = z.output<z.ZodObject<typeof inventoryEnvShape & ReturnType<typeof jwtEnvShape>>>;

export const INVENTORY_CONFIG = Symbol('INVENTORY_CONFIG');

export function loadInventoryConfig(environment: NodeJS.ProcessEnv): InventoryConfig {
  // The bulk endpoint verifies the same bearer tokens as the gateway.
  return loadConfig('inventory', { ...inventoryEnvShape, ...jwtEnvShape(environment) }, environment) as InventoryConfig;
}
