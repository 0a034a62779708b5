// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator revoked a credential */
export interface RevocationCompletedData {
  requestId: string;
  nhiId: string;
  revokedAt: string;
}
