// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An integrator could not rotate a credential */
export interface RotationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}
