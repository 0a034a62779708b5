import { env, loadConfig, z } from '@nhi/config';

/** Variables only ownership reads, on top of every subgraph's. */
export const ownershipEnvShape = {
  /** Days an orphan may wait for a new owner before it is escalated. */
  ORPHAN_GRACE_DAYS: z.coerce.number().positive('expected a number of days above 0').default(14),
  /** Days after its escalation that an orphan still without an owner has its revocation requested. */
  ORPHAN_REVOKE_AFTER_DAYS: z.coerce.number().positive('expected a number of days above 0').default(7),
  /** How often orphans and campaign deadlines are checked for escalation; 0 turns it off. */
  DEADLINE_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** When an owner leaves and there is no backup, its identities go to its parent team (if any) instead of becoming orphans. */
  ORPHANS_TO_PARENT_TEAM: env.boolean(true),
  /** A directory sync that would deactivate more than this share of its owners is refused unless forced. */
  DIRECTORY_SYNC_MAX_REMOVAL_SHARE: z.coerce
    .number()
    .min(0, 'expected a share from 0 to 1')
    .max(1, 'expected a share from 0 to 1')
    .default(0.2),
};

export type OwnershipConfig = z.output<z.ZodObject<typeof ownershipEnvShape>>;

export const OWNERSHIP_CONFIG = Symbol('OWNERSHIP_CONFIG');

export function loadOwnershipConfig(environment: NodeJS.ProcessEnv): OwnershipConfig {
  return loadConfig('ownership', ownershipEnvShape, environment) as OwnershipConfig;
}
