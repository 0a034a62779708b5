// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** Every request of a mass rotation or revocation reached its end, retries included: how each ended */
export interface MassActionFinishedData {
  massActionId: string;
  action: 'ROTATION' | 'REVOCATION';
  finishedAt: string;
  requested: number;
  completed: number;
  /** Identities whose last attempt failed. */
  failed: number;
  /** Identities whose last attempt got no result by its deadline. */
  timedOut: number;
  held: number;
}
