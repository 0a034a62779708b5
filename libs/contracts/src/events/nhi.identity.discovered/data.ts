// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { IdentitySnapshot } from '../definitions';

/** A source reported an identity the inventory did not know */
export interface IdentityDiscoveredData {
  identity: IdentitySnapshot;
  source: string;
  discoveredAt: string;
}
