// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { IdentitySnapshot } from '../definitions';

/** What a source reported changed an identity */
export interface IdentityUpdatedData {
  identity: IdentitySnapshot;
  changes: {
    field: string;
    previous: unknown;
    current: unknown;
  }[];
  source: string;
  updatedAt: string;
}
