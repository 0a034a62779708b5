// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { FindingCategory } from '../definitions';

/** A mass rotation or revocation was requested: what it selected, and how many identities it asked for */
export interface MassActionStartedData {
  massActionId: string;
  action: 'ROTATION' | 'REVOCATION';
  /** The criteria as given; every one given must hold. Named identities are counted, not listed. */
  selection: {
    identitiesNamed?: number;
    system?: string;
    ownerId?: string;
    provider?: string;
    credentialFingerprint?: string;
    source?: string;
    findingCategory?: FindingCategory;
    /** A saved revocation plan (saveRevocationPlan) whose identities were selected. */
    revocationPlanId?: string;
  };
  reason: string;
  requestedBy: string;
  startedAt: string;
  /** Identities the selection matched. */
  selected: number;
  /** Identities a request was made for. */
  requested: number;
  /** Identities an approved exception of the control holds back. */
  held: number;
  /** Identities already revoked, on their way out, or with an attempt of the same action in progress. */
  skipped: number;
}
