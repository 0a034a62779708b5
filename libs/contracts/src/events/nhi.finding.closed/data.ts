// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { FindingCategory } from '../definitions';

/** A finding no longer holds */
export interface FindingClosedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  /** What within the identity the finding is about (a credential, named by its type and the provider's id); absent for the identity itself. Added in 1.1, additively. */
  subject?: string;
  closedAt: string;
}
