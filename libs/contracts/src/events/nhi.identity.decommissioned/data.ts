// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** Someone decommissioned the identity */
export interface IdentityDecommissionedData {
  id: string;
  reason: string;
  decommissionedBy: string;
  decommissionedAt: string;
}
