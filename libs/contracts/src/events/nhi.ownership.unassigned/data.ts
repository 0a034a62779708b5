// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An identity lost its PRIMARY or BACKUP owner without a successor */
export interface OwnershipUnassignedData {
  identityId: string;
  ownerId: string;
  role: 'PRIMARY' | 'BACKUP';
  ownershipStatus: 'OWNED' | 'ORPHANED' | 'UNASSIGNED';
  actor: string;
  reason: string | null;
  unassignedAt: string;
}
