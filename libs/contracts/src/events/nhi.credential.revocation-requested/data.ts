// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** Lifecycle asked an integrator to revoke the credential (one attempt) */
export interface CredentialRevocationRequestedData {
  requestId: string;
  identityId: string;
  attempt: number;
  reason: string;
  force: boolean;
  requestedAt: string;
  deadline: string;
}
