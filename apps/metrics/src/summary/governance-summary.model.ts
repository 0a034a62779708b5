import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FINDING_CATEGORY_TITLES } from '@nhi/contracts';
import type { CoverageStatus, Framework } from '../governance/framework-controls';
import type { ReadinessStage } from '../governance/readiness';

/** Each OWASP NHI category with its name: "NHI1 Improper Offboarding, NHI2 Secret Leakage, ...". */
const OWASP_CATEGORIES = Object.entries(FINDING_CATEGORY_TITLES)
  .map(([category, title]) => `${category} ${title}`)
  .join(', ');

@ObjectType('KeyCount', { description: 'A count of something under one key (a kind, an environment, a provider, an event type).' })
export class KeyCountModel {
  @Field({ description: 'The value counted under, as the list names it (e.g. the kind SERVICE_ACCOUNT, the provider aws).' })
  key!: string;

  @Field(() => Int, { description: 'How many there are under the key.' })
  count!: number;
}

@ObjectType('FindingCount', { description: 'The open findings of one OWASP Non-Human Identities Top 10 category.' })
export class FindingCountModel {
  @Field({ description: `OWASP Non-Human Identities Top 10 (2025) category: ${OWASP_CATEGORIES}.` })
  category!: string;

  @Field(() => Int, { description: 'Open findings of the category.' })
  count!: number;
}

@ObjectType('GovernanceSummary', {
  description:
    'Headline numbers of the estate (identities not decommissioned), from metrics’ own read models. Shares are 0..1, null when there is nothing to share.',
})
export class GovernanceSummaryModel {
  @Field(() => Int, { description: 'Identities not decommissioned.' })
  totalIdentities!: number;

  @Field(() => [KeyCountModel], {
    description: 'Identities not decommissioned per kind (IdentityKind), largest first, then by key; kinds with none are left out.',
  })
  byKind!: KeyCountModel[];

  @Field(() => [KeyCountModel], {
    description:
      'Identities not decommissioned per environment (Environment), largest first, then by key; environments with none are left out.',
  })
  byEnvironment!: KeyCountModel[];

  @Field(() => [KeyCountModel], {
    description: 'Identities not decommissioned per provider, largest first, then by key; providers with none are left out.',
  })
  byProvider!: KeyCountModel[];

  @Field(() => Float, { nullable: true, description: 'Share of identities with an owner (OWNED).' })
  ownershipCoverage!: number | null;

  @Field(() => Int, {
    description: 'Identities whose owner left and that neither a backup nor a parent team took (ownership status ORPHANED).',
  })
  orphaned!: number;

  @Field(() => Int, { description: 'Identities that never had an owner.' })
  unassigned!: number;

  @Field(() => Float, { nullable: true, description: 'Share of identities not past their rotation due date.' })
  rotationCompliance!: number | null;

  @Field(() => Int, { description: 'Identities past their rotation due date at `at`.' })
  overdueRotations!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Days since the credential was last rotated (else created, else the identity registered), median, to one decimal; null when no identity has such a time.',
  })
  credentialAgeDaysP50!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Days since the credential was last rotated (else created, else the identity registered), 90th percentile, to one decimal; null when no identity has such a time.',
  })
  credentialAgeDaysP90!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Hours from the first revocation request to the credential revoked, median over every identity ever revoked in scope, to two decimals; null when none was.',
  })
  revocationLeadTimeHoursP50!: number | null;

  @Field(() => Int, { description: 'Requested or approved, and not yet expired.' })
  openExceptions!: number;

  @Field(() => Int, { description: 'Approved and expiring within EXPIRING_WITHIN_DAYS (7).' })
  expiringExceptions!: number;

  @Field(() => Int, { description: 'Exceptions that expired, over all time (decommissioned identities included).' })
  expiredExceptions!: number;

  @Field(() => Float, { nullable: true, description: 'Share of owned identities attested within ATTESTATION_WINDOW_DAYS (90).' })
  attestationCompletion!: number | null;

  @Field(() => [FindingCountModel], {
    description: 'Open findings of identities not decommissioned, per OWASP NHI category: every category, NHI1 to NHI10, zero included.',
  })
  findingsByCategory!: FindingCountModel[];

  @Field({ description: 'The time of the newest event the numbers include.' })
  asOf!: Date;
}

export const ReadinessStageEnum: { [K in ReadinessStage]: K } = { PILOT: 'PILOT', EXPANDING: 'EXPANDING', PRODUCTION: 'PRODUCTION' };
registerEnumType(ReadinessStageEnum, {
  name: 'ReadinessStage',
  description: 'How far governance of a business unit holds; thresholds in README ("Metrics").',
  valuesMap: {
    PILOT: { description: 'Below the EXPANDING thresholds.' },
    EXPANDING: {
      description:
        'Ownership coverage ≥ 0.7, rotation compliance ≥ 0.6, managed rotation share ≥ 0.2 and at most 25 open exceptions per 100 identities.',
    },
    PRODUCTION: {
      description:
        'Ownership coverage ≥ 0.95, rotation compliance ≥ 0.9, managed rotation share ≥ 0.6, attestation completion ≥ 0.8 and at most 5 open exceptions per 100 identities.',
    },
  },
});

@ObjectType('BusinessUnitAdoption', {
  description:
    'How far one business unit has adopted governance, over its identities not decommissioned. Shares are 0..1, null when there is nothing to share.',
})
export class BusinessUnitAdoptionModel {
  @Field(() => String, { nullable: true, description: 'Null for identities without a business unit.' })
  businessUnit!: string | null;

  @Field(() => Int, { description: 'Identities of the unit not decommissioned (never 0: units without any are left out).' })
  identities!: number;

  @Field(() => Float, { nullable: true, description: 'Share of identities with an owner (OWNED).' })
  ownershipCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share rotated through the platform or on an auto-rotating policy.' })
  managedRotationShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of owned identities attested within ATTESTATION_WINDOW_DAYS (90); null when none is owned.',
  })
  attestationCompletion!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of identities not past their rotation due date.' })
  rotationCompliance!: number | null;

  @Field(() => Float, { nullable: true, description: 'Open exceptions per 100 identities.' })
  exceptionsPer100Identities!: number | null;

  @Field(() => ReadinessStageEnum, { description: 'The stage whose every threshold the unit meets.' })
  readiness!: ReadinessStage;
}

export const FrameworkEnum: { [K in Framework]: K } = {
  NIST_CSF_2: 'NIST_CSF_2',
  OWASP_NHI_TOP10: 'OWASP_NHI_TOP10',
  NIST_AI_RMF: 'NIST_AI_RMF',
};
registerEnumType(FrameworkEnum, {
  name: 'Framework',
  description: 'A control framework the estate is measured against (frameworkCoverage).',
  valuesMap: {
    NIST_CSF_2: { description: 'NIST Cybersecurity Framework 2.0: the GOVERN, IDENTIFY and PROTECT controls metrics has evidence for.' },
    OWASP_NHI_TOP10: { description: 'OWASP Non-Human Identities Top 10 (2025): one control per category, NHI1 to NHI10.' },
    NIST_AI_RMF: { description: 'NIST AI Risk Management Framework: GOVERN controls, measured over AI_AGENT identities.' },
  },
});
export const CoverageStatusEnum: { [K in CoverageStatus]: K } = { MET: 'MET', PARTIAL: 'PARTIAL', NOT_MET: 'NOT_MET' };
registerEnumType(CoverageStatusEnum, {
  name: 'CoverageStatus',
  description: "How far a control is met: its value against the control's thresholds (apps/metrics/src/governance/framework-controls.ts).",
  valuesMap: {
    MET: { description: "The value reaches the control's MET threshold." },
    PARTIAL: { description: "The value reaches the control's PARTIAL threshold but not MET." },
    NOT_MET: { description: 'The value reaches neither threshold, or there is no value (nothing in scope).' },
  },
});

@ObjectType('ControlCoverage', { description: 'How far the estate meets one control of a framework, and the metrics that say so.' })
export class ControlCoverageModel {
  @Field({ description: "The control's id in its framework (e.g. GV.OV-01, NHI1, GOVERN 1.6)." })
  controlId!: string;

  @Field({ description: "The control's title, as its framework words it." })
  title!: string;

  @Field(() => [String], { description: 'The metrics behind the value.' })
  evidence!: string[];

  @Field(() => CoverageStatusEnum, { description: 'NOT_MET when there is no evidence (nothing in scope).' })
  status!: CoverageStatus;

  @Field(() => Float, {
    nullable: true,
    description:
      'The evidence as one number: a share 0..1, or open exceptions per 100 identities (GV.OV-02, where lower is better); null when nothing is in scope.',
  })
  value!: number | null;
}
