// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator rotated a credential */
export interface RotationCompletedData {
  requestId: string;
  nhiId: string;
  rotatedAt: string;
  newCredentialFingerprint?: string;
  newExpiresAt?: string;
}
