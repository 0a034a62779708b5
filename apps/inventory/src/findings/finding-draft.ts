import type { FindingCategory, Severity } from '@nhi/contracts';

/** A finding as a rule produces it; the findings service opens, keeps or closes stored ones to match. */
export interface FindingDraft {
  /** Stable rule code: one open finding per identity and code. */
  code: string;
  category: FindingCategory;
  severity: Severity;
  detail: string;
}
