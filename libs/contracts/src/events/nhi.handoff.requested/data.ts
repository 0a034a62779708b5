// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An identity is part of a handoff waiting for the receiving owner */
export interface HandoffRequestedData {
  handoffId: string;
  identityId: string;
  fromOwnerId: string | null;
  toOwnerId: string;
  actor: string;
  at: string;
  reason: string;
}
