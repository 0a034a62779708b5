// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator revoked the credential; it is never rotated again */
export interface CredentialRevokedData {
  requestId: string;
  identityId: string;
  revokedAt: string;
}
