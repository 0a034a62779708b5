// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An owner became accountable (PRIMARY) or backup for an identity */
export interface OwnershipAssignedData {
  identityId: string;
  ownerId: string;
  ownerRef: string;
  /** The owner's reference followed by the references of the teams it belongs to, innermost first: who may act on the identity as its owner */
  ownerPath?: string[];
  role: 'PRIMARY' | 'BACKUP';
  previousOwnerId: string | null;
  /** What made the assignment */
  via: 'MANUAL' | 'RULE' | 'SUGGESTION' | 'HANDOFF' | 'BACKUP_PROMOTED' | 'PARENT_TEAM' | 'TEAM_MERGE';
  ownershipStatus: 'OWNED' | 'ORPHANED' | 'UNASSIGNED';
  actor: string;
  reason: string | null;
  assignedAt: string;
}
