// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** The receiving owner accepted a handoff: the identity moved (or had changed hands since, and stayed) */
export interface HandoffCompletedData {
  handoffId: string;
  identityId: string;
  fromOwnerId: string | null;
  toOwnerId: string;
  actor: string;
  at: string;
  moved: boolean;
}
