// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { FindingCategory, Severity } from '../definitions';

/** Inventory found a risk on an identity (OWASP NHI Top 10) */
export interface FindingOpenedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  severity: Severity;
  detail: string;
  detectedAt: string;
}
