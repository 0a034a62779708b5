import { env, loadConfig, z } from '@nhi/config';

/** Variables only ownership reads, on top of every subgraph's. */
export const ownershipEnvShape = {
  /** Days an orphan may wait for a new owner before it is escalated. */
  ORPHAN_GRACE_DAYS: env.positiveInt(14),
  /** When an owner leaves and there is no backup, its identities go to its parent team (if any) instead of becoming orphans. */
  ORPHANS_TO_PARENT_TEAM: env.boolean(true),
};

export type OwnershipConfig = z.output<z.ZodObject<typeof ownershipEnvShape>>;

export const OWNERSHIP_CONFIG = Symbol('OWNERSHIP_CONFIG');

export function loadOwnershipConfig(environment: NodeJS.ProcessEnv): OwnershipConfig {
  return loadConfig('ownership', ownershipEnvShape, environment) as OwnershipConfig;
}
