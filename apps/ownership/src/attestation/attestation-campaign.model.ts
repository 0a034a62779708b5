import { ListSize } from '@nhi/graphql';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { CampaignStatus } from './attestation-enums';

@ObjectType('AttestationProgress', { description: 'Decisions so far, for a whole campaign or one part of it.' })
export class AttestationProgressModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  kept!: number;

  @Field(() => Int)
  notMine!: number;

  @Field(() => Int)
  decommission!: number;

  @Field(() => Float, { description: 'decided / total, 1 for an empty campaign.' })
  completion!: number;
}

@ObjectType('OwnerAttestationProgress')
export class OwnerAttestationProgressModel extends AttestationProgressModel {
  @Field(() => OwnerModel, { nullable: true })
  owner?: OwnerModel | null;

  ownerId!: string;
}

@ObjectType('BusinessUnitAttestationProgress')
export class BusinessUnitAttestationProgressModel extends AttestationProgressModel {
  @Field(() => String, { nullable: true })
  businessUnit!: string | null;
}

@ObjectType('AttestationCampaign')
export class AttestationCampaignModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  businessUnit!: string | null;

  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => ID, { nullable: true })
  ownerId!: string | null;

  @Field(() => Date)
  deadline!: Date;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field()
  startedBy!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => AttestationProgressModel)
  progress?: AttestationProgressModel;

  // No hard bound: one entry per owner in the campaign's scope.
  @ListSize(1000)
  @Field(() => [OwnerAttestationProgressModel])
  progressByOwner?: OwnerAttestationProgressModel[];

  @Field(() => [BusinessUnitAttestationProgressModel])
  progressByBusinessUnit?: BusinessUnitAttestationProgressModel[];
}
