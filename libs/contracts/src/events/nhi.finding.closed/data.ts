// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { FindingCategory } from '../definitions';

/** A finding no longer holds */
export interface FindingClosedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  closedAt: string;
}
