import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CoverageStatus, Framework } from '../governance/framework-controls';
import type { ReadinessStage } from '../governance/readiness';

@ObjectType('KeyCount')
export class KeyCountModel {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FindingCount')
export class FindingCountModel {
  @Field({ description: 'OWASP NHI Top 10 category, NHI1..NHI10.' })
  category!: string;

  @Field(() => Int, { description: 'Open findings of the category.' })
  count!: number;
}

@ObjectType('GovernanceSummary', {
  description:
    'Headline numbers of the estate (identities not decommissioned), from metrics’ own read models. Shares are 0..1, null when there is nothing to share.',
})
export class GovernanceSummaryModel {
  @Field(() => Int)
  totalIdentities!: number;

  @Field(() => [KeyCountModel])
  byKind!: KeyCountModel[];

  @Field(() => [KeyCountModel])
  byEnvironment!: KeyCountModel[];

  @Field(() => [KeyCountModel])
  byProvider!: KeyCountModel[];

  @Field(() => Float, { nullable: true, description: 'Share of identities with an owner (OWNED).' })
  ownershipCoverage!: number | null;

  @Field(() => Int)
  orphaned!: number;

  @Field(() => Int, { description: 'Identities that never had an owner.' })
  unassigned!: number;

  @Field(() => Float, { nullable: true, description: 'Share of identities not past their rotation due date.' })
  rotationCompliance!: number | null;

  @Field(() => Int)
  overdueRotations!: number;

  @Field(() => Float, { nullable: true, description: 'Days since the credential was created or last rotated, median.' })
  credentialAgeDaysP50!: number | null;

  @Field(() => Float, { nullable: true })
  credentialAgeDaysP90!: number | null;

  @Field(() => Float, { nullable: true, description: 'Hours from the first revocation request to the credential revoked, median.' })
  revocationLeadTimeHoursP50!: number | null;

  @Field(() => Int, { description: 'Requested or approved, and not yet expired.' })
  openExceptions!: number;

  @Field(() => Int, { description: 'Approved and expiring within EXPIRING_WITHIN_DAYS (7).' })
  expiringExceptions!: number;

  @Field(() => Int)
  expiredExceptions!: number;

  @Field(() => Float, { nullable: true, description: 'Share of owned identities attested within ATTESTATION_WINDOW_DAYS (90).' })
  attestationCompletion!: number | null;

  @Field(() => [FindingCountModel])
  findingsByCategory!: FindingCountModel[];

  @Field({ description: 'The time of the newest event the numbers include.' })
  asOf!: Date;
}

export const ReadinessStageEnum: { [K in ReadinessStage]: K } = { PILOT: 'PILOT', EXPANDING: 'EXPANDING', PRODUCTION: 'PRODUCTION' };
registerEnumType(ReadinessStageEnum, {
  name: 'ReadinessStage',
  description: 'How far governance of a business unit holds; thresholds in README ("Metrics").',
});

@ObjectType('BusinessUnitAdoption')
export class BusinessUnitAdoptionModel {
  @Field(() => String, { nullable: true, description: 'Null for identities without a business unit.' })
  businessUnit!: string | null;

  @Field(() => Int)
  identities!: number;

  @Field(() => Float, { nullable: true })
  ownershipCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share rotated through the platform or on an auto-rotating policy.' })
  managedRotationShare!: number | null;

  @Field(() => Float, { nullable: true })
  attestationCompletion!: number | null;

  @Field(() => Float, { nullable: true })
  rotationCompliance!: number | null;

  @Field(() => Float, { nullable: true, description: 'Open exceptions per 100 identities.' })
  exceptionsPer100Identities!: number | null;

  @Field(() => ReadinessStageEnum)
  readiness!: ReadinessStage;
}

export const FrameworkEnum: { [K in Framework]: K } = {
  NIST_CSF_2: 'NIST_CSF_2',
  OWASP_NHI_TOP10: 'OWASP_NHI_TOP10',
  NIST_AI_RMF: 'NIST_AI_RMF',
};
registerEnumType(FrameworkEnum, { name: 'Framework' });
export const CoverageStatusEnum: { [K in CoverageStatus]: K } = { MET: 'MET', PARTIAL: 'PARTIAL', NOT_MET: 'NOT_MET' };
registerEnumType(CoverageStatusEnum, { name: 'CoverageStatus' });

@ObjectType('ControlCoverage')
export class ControlCoverageModel {
  @Field()
  controlId!: string;

  @Field()
  title!: string;

  @Field(() => [String], { description: 'The metrics behind the value.' })
  evidence!: string[];

  @Field(() => CoverageStatusEnum, { description: 'NOT_MET when there is no evidence (nothing in scope).' })
  status!: CoverageStatus;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}
