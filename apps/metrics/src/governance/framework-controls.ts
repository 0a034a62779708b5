import { FINDING_CATEGORY_TITLES } from '@nhi/contracts';
import {
  attestationCompletion,
  exceptionsPer100,
  GovernanceFigures,
  managedRotationShare,
  ownershipCoverage,
  rotationCompliance,
  share,
} from './governance-figures';

export type Framework = 'NIST_CSF_2' | 'OWASP_NHI_TOP10' | 'NIST_AI_RMF';
export type CoverageStatus = 'MET' | 'PARTIAL' | 'NOT_MET';

/** Figures of the whole estate, and of its AI agents (what NIST AI RMF GOVERN is about). */
export interface CoverageInput {
  estate: GovernanceFigures;
  aiAgents: GovernanceFigures;
}

interface ControlDefinition {
  controlId: string;
  title: string;
  /** The metrics the value is made of, for the auditor. */
  evidence: string[];
  value: (input: CoverageInput) => number | null;
  /** MET at or above `met`, PARTIAL at or above `partial` (for a value where lower is better, `lowerIsBetter`). */
  met: number;
  partial: number;
  lowerIsBetter?: boolean;
}

const withoutFinding = (category: string) => (input: CoverageInput) =>
  share(input.estate.totalIdentities - (input.estate.identitiesWithFindings[category] ?? 0), input.estate.totalIdentities);

/** Which metric stands as evidence for which control, and the thresholds of each status. */
export const FRAMEWORK_CONTROLS: Record<Framework, ControlDefinition[]> = {
  NIST_CSF_2: [
    {
      controlId: 'GV.OV-01',
      title: 'Cybersecurity risk management strategy outcomes are reviewed to inform and adjust strategy',
      evidence: ['attestationCompletion'],
      value: ({ estate }) => attestationCompletion(estate),
      met: 0.9,
      partial: 0.5,
    },
    {
      controlId: 'GV.OV-02',
      title:
        'The cybersecurity risk management strategy is reviewed and adjusted to ensure coverage of organizational requirements and risks',
      evidence: ['exceptionsPer100Identities'],
      value: ({ estate }) => exceptionsPer100(estate),
      met: 5,
      partial: 15,
      lowerIsBetter: true,
    },
    {
      controlId: 'GV.OV-03',
      title: 'Organizational cybersecurity risk management performance is evaluated and reviewed for adjustments needed',
      evidence: ['rotationCompliance'],
      value: ({ estate }) => rotationCompliance(estate),
      met: 0.9,
      partial: 0.6,
    },
    {
      controlId: 'GV.RR-02',
      title:
        'Roles, responsibilities, and authorities related to cybersecurity risk management are established, communicated, understood, and enforced',
      evidence: ['ownershipCoverage'],
      value: ({ estate }) => ownershipCoverage(estate),
      met: 0.95,
      partial: 0.7,
    },
    {
      controlId: 'ID.AM-02',
      title: 'Inventories of software, services, and systems managed by the organization are maintained',
      evidence: ['share of identities with a known system'],
      value: ({ estate }) => share(estate.withSystem, estate.totalIdentities),
      met: 0.9,
      partial: 0.5,
    },
    {
      controlId: 'ID.AM-05',
      title: 'Assets are prioritized based on classification, criticality, resources, and impact on the mission',
      evidence: ['share of identities with a known privilege level'],
      value: ({ estate }) => share(estate.withPrivilegeLevel, estate.totalIdentities),
      met: 0.9,
      partial: 0.5,
    },
    {
      controlId: 'ID.AM-08',
      title: 'Systems, hardware, software, services, and data are managed throughout their life cycles',
      evidence: ['managedRotationShare'],
      value: ({ estate }) => managedRotationShare(estate),
      met: 0.8,
      partial: 0.3,
    },
    {
      controlId: 'PR.AA-01',
      title: 'Identities and credentials for authorized users, services, and hardware are managed by the organization',
      evidence: ['ownershipCoverage', 'rotationCompliance'],
      value: ({ estate }) => {
        const [owned, compliant] = [ownershipCoverage(estate), rotationCompliance(estate)];
        return owned === null || compliant === null ? null : Math.min(owned, compliant);
      },
      met: 0.9,
      partial: 0.6,
    },
    {
      controlId: 'PR.AA-05',
      title: 'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed',
      evidence: ['share of identities without an open NHI5 (overprivileged) finding'],
      value: withoutFinding('NHI5'),
      met: 0.95,
      partial: 0.8,
    },
    {
      controlId: 'ID.RA-07',
      title: 'Changes and exceptions are managed, assessed for risk impact, recorded, and tracked',
      evidence: ['share of open exceptions decided or requested within the last 7 days'],
      // No open exception leaves none stale, but only on a scope that has identities: an empty one is no evidence.
      value: ({ estate }) =>
        estate.totalIdentities === 0 ? null : (share(estate.openExceptions - estate.stalePendingExceptions, estate.openExceptions) ?? 1),
      met: 0.95,
      partial: 0.7,
    },
  ],
  OWASP_NHI_TOP10: Object.entries(FINDING_CATEGORY_TITLES).map(([category, title]) => ({
    controlId: category,
    title,
    evidence: [`share of identities without an open ${category} finding`],
    value: withoutFinding(category),
    met: 0.99,
    partial: 0.9,
  })),
  NIST_AI_RMF: [
    {
      controlId: 'GOVERN 1.6',
      title: 'Mechanisms are in place to inventory AI systems and are resourced according to organizational risk priorities',
      evidence: ['ownershipCoverage of AI_AGENT identities'],
      value: ({ aiAgents }) => ownershipCoverage(aiAgents),
      met: 0.95,
      partial: 0.7,
    },
    {
      controlId: 'GOVERN 2.1',
      title:
        'Roles and responsibilities and lines of communication related to mapping, measuring, and managing AI risks are documented and are clear',
      evidence: ['attestationCompletion of AI_AGENT identities'],
      value: ({ aiAgents }) => attestationCompletion(aiAgents),
      met: 0.9,
      partial: 0.5,
    },
  ],
};

export interface ControlCoverage {
  controlId: string;
  title: string;
  evidence: string[];
  value: number | null;
  status: CoverageStatus;
}

/** Each control's value and status; no evidence (no identities in scope) is NOT_MET, never MET by default. */
export function frameworkCoverage(framework: Framework, input: CoverageInput): ControlCoverage[] {
  return FRAMEWORK_CONTROLS[framework].map((control) => {
    const value = control.value(input);
    const reaches = (threshold: number) => value !== null && (control.lowerIsBetter ? value <= threshold : value >= threshold);
    const status: CoverageStatus = reaches(control.met) ? 'MET' : reaches(control.partial) ? 'PARTIAL' : 'NOT_MET';
    return { controlId: control.controlId, title: control.title, evidence: control.evidence, value, status };
  });
}
