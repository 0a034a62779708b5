// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An ownership problem outlived its deadline and needs attention above the owner */
export interface OwnershipEscalatedData {
  identityId: string;
  reason: 'ORPHAN_GRACE_EXPIRED' | 'ATTESTATION_MISSED';
  detail: string;
  since: string;
  escalatedAt: string;
}
