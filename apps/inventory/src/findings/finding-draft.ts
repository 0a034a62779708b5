import type { FindingCategory, Severity } from '@nhi/contracts';
import type { FindingCode } from './finding-code';

/** A finding as a rule produces it; the findings service opens, keeps or closes stored ones to match. */
export interface FindingDraft {
  /** Stable rule code: one open finding per identity, code and subject; the graph's enum lists every one. */
  code: FindingCode;
  category: FindingCategory;
  severity: Severity;
  detail: string;
  /** What within the identity it is about (a credential, `access key access_key_1`); empty for the identity itself. */
  subject?: string;
  /** The data that made the rule fire, as a reviewer checks it: dates, permissions and their source, principals. */
  evidence: string[];
}
