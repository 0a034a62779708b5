// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** No result came before the deadline of a rotation attempt */
export interface CredentialRotationTimedOutData {
  requestId: string;
  identityId: string;
  attempt: number;
  deadline: string;
  final: boolean;
  nextAttemptAt: string | null;
}
