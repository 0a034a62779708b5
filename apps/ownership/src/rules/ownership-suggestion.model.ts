import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { OwnershipRuleModel } from './ownership-rule.model';
import { SuggestionStatus } from './rule-mode';

@ObjectType('OwnershipSuggestion', {
  description: 'An owner proposed for an identity, by a rule or a declined attestation, for a person to accept or reject.',
})
export class OwnershipSuggestionModel {
  @Field(() => ID, { description: "The suggestion's id." })
  id!: string;

  // Nullable so that an inventory outage costs the suggestion its identity, not the whole queue.
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description:
      'The identity it is for: the gateway adds inventory fields. ' +
      'Null only when a non-null inventory field cannot be answered; a located error in `errors` says why.',
  })
  identity!: IdentityOwnershipModel;

  @Field(() => OwnerModel, { nullable: true, description: 'The owner suggested.' })
  owner?: OwnerModel | null;

  @Field(() => OwnershipRuleModel, { nullable: true, description: 'The rule that made it.' })
  rule?: OwnershipRuleModel | null;

  @Field(() => Float, { description: '0 to 1.' })
  confidence!: number;

  @Field({ description: 'Why it was suggested rather than assigned, e.g. rules that disagree.' })
  reason!: string;

  @Field(() => SuggestionStatus, { description: 'Where it stands.' })
  status!: SuggestionStatus;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who accepted or rejected it (the subject of their token); null while PENDING.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or rejected; null while PENDING.' })
  decidedAt!: Date | null;

  ownerId!: string;
  ruleId!: string | null;
}
