// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator rotated the credential; lifecycle applied the result */
export interface CredentialRotatedData {
  requestId: string;
  identityId: string;
  rotatedAt: string;
  newCredentialFingerprint: string | null;
  newExpiresAt: string | null;
  nextRotationDueAt: string;
  /** Which credential was replaced by which, as the integrator reported it. Added in 1.1, additively. */
  replaced?: {
    previousExternalId: string;
    externalId: string;
    fingerprint?: string;
    expiresAt?: string;
  }[];
}
