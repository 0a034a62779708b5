// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** A revocation attempt failed or timed out; final when no attempt is left */
export interface CredentialRevocationFailedData {
  requestId: string;
  identityId: string;
  attempt: number;
  status: 'FAILED' | 'TIMED_OUT';
  error: string;
  final: boolean;
  nextAttemptAt: string | null;
  failedAt: string;
}
