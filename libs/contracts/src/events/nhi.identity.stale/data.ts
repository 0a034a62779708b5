// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** No source has reported the identity in its last full snapshots */
export interface IdentityStaleData {
  id: string;
  lastSeenAt: string;
  staleAt: string;
  missedSnapshots: number;
}
