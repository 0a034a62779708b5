import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { PageInfoModel } from '@nhi/graphql';
import { AttestationCampaignModel } from '../attestation/attestation-campaign.model';
import { CampaignStatus } from '../attestation/attestation-enums';
import { HandoffModel } from '../handoff/handoff.model';
import { OwnershipSuggestionModel } from '../rules/ownership-suggestion.model';

@InputType('OwnershipSuggestionQueueFilter', { description: 'Narrows the queue of open suggestions; fields combine with AND.' })
export class SuggestionQueueFilterInput {
  @Field(() => String, { nullable: true, description: "Only suggestions for identities of this business unit (the identity's, exactly)." })
  @Allow()
  businessUnit?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only suggestions that propose this owner.' })
  @Allow()
  ownerId?: string | null;
}

@ObjectType('OwnershipSuggestionEdge', { description: 'One open suggestion in the queue and the cursor to continue after it.' })
export class SuggestionEdgeModel {
  @Field(() => OwnershipSuggestionModel, { description: 'The suggestion.' })
  node!: OwnershipSuggestionModel;

  @Field({ description: 'Pass as `after` to get the suggestions that follow this one.' })
  cursor!: string;
}

@ObjectType('OwnershipSuggestionConnection', { description: 'A page of open ownership suggestions, oldest first.' })
export class SuggestionConnectionModel {
  @Field(() => [SuggestionEdgeModel], { description: 'The suggestions of this page.' })
  edges!: SuggestionEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  /** Counts the whole queue; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}

@InputType('AttestationCampaignFilter', { description: 'Narrows the list of attestation campaigns; fields combine with AND.' })
export class CampaignFilterInput {
  @Field(() => CampaignStatus, { nullable: true, description: 'Only OPEN or only CLOSED campaigns; both when left out.' })
  @Allow()
  status?: CampaignStatus | null;

  @Field(() => String, { nullable: true, description: 'Only campaigns started for this business unit.' })
  @Allow()
  businessUnit?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only campaigns started for this owner.' })
  @Allow()
  ownerId?: string | null;
}

@ObjectType('AttestationCampaignEdge', { description: 'One campaign and the cursor to continue after it.' })
export class CampaignEdgeModel {
  @Field(() => AttestationCampaignModel, { description: 'The campaign.' })
  node!: AttestationCampaignModel;

  @Field({ description: 'Pass as `after` to get the campaigns that follow this one.' })
  cursor!: string;
}

@ObjectType('AttestationCampaignConnection', { description: 'A page of attestation campaigns, soonest deadline first.' })
export class CampaignConnectionModel {
  @Field(() => [CampaignEdgeModel], { description: 'The campaigns of this page.' })
  edges!: CampaignEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  /** Counts every campaign the filter selects; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}

@InputType('HandoffQueueFilter', { description: 'Narrows the queue of handoffs waiting for a decision; fields combine with AND.' })
export class HandoffQueueFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only handoffs to this owner (the one who must accept or decline).' })
  @Allow()
  toOwnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only handoffs from this owner.' })
  @Allow()
  fromOwnerId?: string | null;

  @Field(() => String, { nullable: true, description: "Only handoffs to owners of this business unit (the receiving owner's, exactly)." })
  @Allow()
  businessUnit?: string | null;
}

@ObjectType('HandoffEdge', { description: 'One handoff waiting for a decision and the cursor to continue after it.' })
export class HandoffEdgeModel {
  @Field(() => HandoffModel, { description: 'The handoff.' })
  node!: HandoffModel;

  @Field({ description: 'Pass as `after` to get the handoffs that follow this one.' })
  cursor!: string;
}

@ObjectType('HandoffConnection', { description: 'A page of handoffs waiting for the receiving owner, oldest first.' })
export class HandoffConnectionModel {
  @Field(() => [HandoffEdgeModel], { description: 'The handoffs of this page.' })
  edges!: HandoffEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  /** Counts every handoff the filter selects; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}
