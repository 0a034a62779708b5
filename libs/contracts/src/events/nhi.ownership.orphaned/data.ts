// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An identity lost its accountable owner (OWASP NHI1) and no backup or parent team took it */
export interface OwnershipOrphanedData {
  identityId: string;
  previousOwnerId: string;
  cause: 'OWNER_DEACTIVATED' | 'TEAM_REMOVED' | 'TEAM_MERGED';
  actor: string;
  orphanedAt: string;
  graceEndsAt: string;
}
