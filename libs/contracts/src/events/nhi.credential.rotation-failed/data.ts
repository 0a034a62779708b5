// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** A rotation attempt failed; final when no attempt is left (the owner must act) */
export interface CredentialRotationFailedData {
  requestId: string;
  identityId: string;
  attempt: number;
  error: string;
  final: boolean;
  nextAttemptAt: string | null;
  failedAt: string;
}
