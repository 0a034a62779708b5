// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { FindingCategory, Severity } from '../definitions';

/** Inventory found a risk on an identity (OWASP NHI Top 10) */
export interface FindingOpenedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  /** What within the identity the finding is about (a credential, named by its type and the provider's id); absent for the identity itself. Added in 1.1, additively. */
  subject?: string;
  severity: Severity;
  detail: string;
  detectedAt: string;
  /** The data that made the rule fire (dates, permissions and their source, principals), never secret material. Added in 1.1, additively. */
  evidence?: string[];
}
