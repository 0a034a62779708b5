import type { FindingCategory, Severity } from '@nhi/contracts';

/** A finding as a rule produces it; the findings service opens, keeps or closes stored ones to match. */
export interface FindingDraft {
  /** Stable rule code: one open finding per identity, code and subject. */
  code: string;
  category: FindingCategory;
  severity: Severity;
  detail: string;
  /** What within the identity it is about (a credential, `access key access_key_1`); empty for the identity itself. */
  subject?: string;
  /** The data that made the rule fire, as a reviewer checks it: dates, permissions and their source, principals. */
  evidence: string[];
}
