// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An owner decided about an identity in an attestation campaign */
export interface OwnershipAttestedData {
  identityId: string;
  campaignId: string;
  ownerId: string;
  /** DECOMMISSION asks inventory to decommission the identity */
  decision: 'KEEP' | 'NOT_MINE' | 'DECOMMISSION';
  note: string | null;
  actor: string;
  attestedAt: string;
}
