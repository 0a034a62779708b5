// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** Nobody took an orphan after its escalation: ownership asks lifecycle to revoke its credential */
export interface OwnershipRevocationRequestedData {
  identityId: string;
  reason: string;
  orphanedAt: string;
  requestedAt: string;
}
