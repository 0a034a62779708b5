// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator rotated a credential */
export interface RotationCompletedData {
  requestId: string;
  nhiId: string;
  rotatedAt: string;
  newCredentialFingerprint?: string;
  newExpiresAt?: string;
  /** Which targeted credential was replaced by which new one (the provider's ids). Optional; send it when the request named credentials. Added in 1.1, additively. */
  replaced?: {
    previousExternalId: string;
    externalId: string;
    fingerprint?: string;
    expiresAt?: string;
  }[];
}
