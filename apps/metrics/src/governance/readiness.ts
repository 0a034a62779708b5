import {
  attestationCompletion,
  exceptionsPer100,
  GovernanceFigures,
  managedRotationShare,
  ownershipCoverage,
  rotationCompliance,
} from './governance-figures';

export type ReadinessStage = 'PILOT' | 'EXPANDING' | 'PRODUCTION';

/**
 * When governance of a business unit counts as holding. A unit is PRODUCTION
 * when every PRODUCTION threshold holds, EXPANDING when every EXPANDING one
 * does, and PILOT otherwise. README ("Metrics") lists them.
 */
export const READINESS_THRESHOLDS = {
  EXPANDING: { ownershipCoverage: 0.7, rotationCompliance: 0.6, managedRotationShare: 0.2, attestationCompletion: 0, exceptionsPer100: 25 },
  PRODUCTION: {
    ownershipCoverage: 0.95,
    rotationCompliance: 0.9,
    managedRotationShare: 0.6,
    attestationCompletion: 0.8,
    exceptionsPer100: 5,
  },
} as const;

export function readinessStage(figures: GovernanceFigures): ReadinessStage {
  const holds = (stage: keyof typeof READINESS_THRESHOLDS) => {
    const t = READINESS_THRESHOLDS[stage];
    return (
      (ownershipCoverage(figures) ?? 0) >= t.ownershipCoverage &&
      (rotationCompliance(figures) ?? 0) >= t.rotationCompliance &&
      (managedRotationShare(figures) ?? 0) >= t.managedRotationShare &&
      (attestationCompletion(figures) ?? 0) >= t.attestationCompletion &&
      (exceptionsPer100(figures) ?? Infinity) <= t.exceptionsPer100
    );
  };
  if (holds('PRODUCTION')) return 'PRODUCTION';
  return holds('EXPANDING') ? 'EXPANDING' : 'PILOT';
}
