// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** The receiving owner declined a handoff: the identity stays where it was */
export interface HandoffDeclinedData {
  handoffId: string;
  identityId: string;
  fromOwnerId: string | null;
  toOwnerId: string;
  actor: string;
  at: string;
  note: string | null;
}
