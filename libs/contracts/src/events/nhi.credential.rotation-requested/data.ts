// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** Lifecycle asked an integrator to rotate the credential (one attempt) */
export interface CredentialRotationRequestedData {
  requestId: string;
  identityId: string;
  attempt: number;
  reason: string;
  requestedAt: string;
  deadline: string;
}
