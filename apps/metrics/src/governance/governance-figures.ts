import { FINDING_CATEGORIES } from '@nhi/contracts';
/** A requested exception waiting for a decision longer than this is stale. */
export const PENDING_WINDOW_DAYS = 7;

/** The numbers of one scope (the estate, a business unit, a kind), before they become GraphQL. */
export interface GovernanceFigures {
  totalIdentities: number;
  owned: number;
  orphaned: number;
  unassigned: number;
  /** Owned and attested within the attestation window. */
  attested: number;
  overdueRotations: number;
  managed: number;
  withSystem: number;
  withPrivilegeLevel: number;
  credentialAgeDaysP50: number | null;
  credentialAgeDaysP90: number | null;
  openExceptions: number;
  /** Open and waiting for a decision longer than the pending window. */
  stalePendingExceptions: number;
  /** Identities with at least one open finding, by category. */
  identitiesWithFindings: Record<string, number>;
}

/** A share, or null when there is nothing to take a share of. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function ownershipCoverage(f: GovernanceFigures): number | null {
  return share(f.owned, f.totalIdentities);
}

export function rotationCompliance(f: GovernanceFigures): number | null {
  return share(f.totalIdentities - f.overdueRotations, f.totalIdentities);
}

export function attestationCompletion(f: GovernanceFigures): number | null {
  return share(f.attested, f.owned);
}

export function managedRotationShare(f: GovernanceFigures): number | null {
  return share(f.managed, f.totalIdentities);
}

export function exceptionsPer100(f: GovernanceFigures): number | null {
  return f.totalIdentities > 0 ? (100 * f.openExceptions) / f.totalIdentities : null;
}

/** The figures of a scope with no identities. */
export function emptyFigures(): GovernanceFigures {
  return {
    totalIdentities: 0,
    owned: 0,
    orphaned: 0,
    unassigned: 0,
    attested: 0,
    overdueRotations: 0,
    managed: 0,
    withSystem: 0,
    withPrivilegeLevel: 0,
    credentialAgeDaysP50: null,
    credentialAgeDaysP90: null,
    openExceptions: 0,
    stalePendingExceptions: 0,
    identitiesWithFindings: Object.fromEntries(FINDING_CATEGORIES.map((category) => [category, 0])),
  };
}
