import { ListSize } from '@nhi/graphql';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { CampaignStatus } from './attestation-enums';

@ObjectType('AttestationProgress', { description: 'Decisions so far, for a whole campaign or one part of it.' })
export class AttestationProgressModel {
  @Field(() => Int, { description: 'Identities in scope.' })
  total!: number;

  @Field(() => Int, { description: 'Identities with a decision.' })
  decided!: number;

  @Field(() => Int, { description: 'Identities still without a decision: total - decided.' })
  pending!: number;

  @Field(() => Int, { description: 'Decided KEEP.' })
  kept!: number;

  @Field(() => Int, { description: 'Decided NOT_MINE.' })
  notMine!: number;

  @Field(() => Int, { description: 'Decided DECOMMISSION.' })
  decommission!: number;

  @Field(() => Float, { description: 'decided / total, 1 for an empty campaign.' })
  completion!: number;
}

@ObjectType('OwnerAttestationProgress', { description: "A campaign's progress for the identities one owner was asked to attest." })
export class OwnerAttestationProgressModel extends AttestationProgressModel {
  @Field(() => OwnerModel, {
    nullable: true,
    description: 'The owner who was asked (the owner when the campaign started); null if no longer known.',
  })
  owner?: OwnerModel | null;

  ownerId!: string;
}

@ObjectType('BusinessUnitAttestationProgress', { description: "A campaign's progress for the identities of one business unit." })
export class BusinessUnitAttestationProgressModel extends AttestationProgressModel {
  @Field(() => String, {
    nullable: true,
    description: 'The business unit, as the identity had it when the campaign started; null for identities without one.',
  })
  businessUnit!: string | null;
}

@ObjectType('AttestationCampaign', {
  description: 'A request to the owners of the owned identities in scope, when it started, to attest each before a deadline.',
})
export class AttestationCampaignModel {
  @Field(() => ID, { description: "The campaign's id." })
  id!: string;

  @Field({ description: 'What owners see the campaign as, e.g. "Q4 review".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Scope: only identities of this business unit; null for any.' })
  businessUnit!: string | null;

  @Field(() => String, { nullable: true, description: 'Scope: only identities of this kind (upper case); null for any.' })
  kind!: string | null;

  @Field(() => ID, { nullable: true, description: 'Scope: only identities of this owner; null for any.' })
  ownerId!: string | null;

  @Field(() => Date, { description: 'When it closes; identities undecided then are escalated.' })
  deadline!: Date;

  @Field(() => CampaignStatus, { description: 'OPEN until the deadline, then CLOSED.' })
  status!: CampaignStatus;

  @Field({ description: 'Who started it (the subject of their token).' })
  startedBy!: string;

  @Field(() => Date, { description: 'When it started; the identities in scope then are the ones to attest.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it closed; null while OPEN.' })
  closedAt!: Date | null;

  @Field(() => AttestationProgressModel, { description: 'Decisions so far, for the whole campaign.' })
  progress?: AttestationProgressModel;

  // No hard bound: one entry per owner in the campaign's scope.
  @ListSize(1000)
  @Field(() => [OwnerAttestationProgressModel], { description: 'Decisions so far, per owner asked, by owner id.' })
  progressByOwner?: OwnerAttestationProgressModel[];

  @Field(() => [BusinessUnitAttestationProgressModel], {
    description: 'Decisions so far, per business unit, by name (identities without one last).',
  })
  progressByBusinessUnit?: BusinessUnitAttestationProgressModel[];
}
