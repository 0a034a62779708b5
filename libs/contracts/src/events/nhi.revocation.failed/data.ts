// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator could not revoke a credential */
export interface RevocationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}
