import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withIdempotencyKey } from '@nhi/graphql';
import { OwnershipRuleInput } from '../dto/ownership-rule.input';
import { OwnershipRuleModel } from '../ownership-rule.model';

@InputType('OwnershipRuleCreateInput', {
  description: 'Who should own identities that match; every criterion given must hold (at least one).',
})
export class OwnershipRuleCreateInput extends withIdempotencyKey(OwnershipRuleInput) {}

@InputType('OwnershipRuleDeleteInput', { description: 'A rule to disable.' })
export class OwnershipRuleDeleteInput extends MutationInput {
  @Field(() => ID, { description: 'The rule to disable (an enabled one).' })
  @Allow()
  id!: string;
}

@ObjectType('OwnershipRuleCreatePayload', { description: 'The outcome of ownershipRuleCreate.' })
export class OwnershipRuleCreatePayload extends MutationPayload {
  @Field(() => OwnershipRuleModel, {
    nullable: true,
    description: 'The new rule (the first one made, on a retry with the same idempotencyKey). Null when refused.',
  })
  ownershipRule!: OwnershipRuleModel | null;
}

@ObjectType('OwnershipRuleDeletePayload', { description: 'The outcome of ownershipRuleDelete.' })
export class OwnershipRuleDeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the rule now disabled. Null when refused.' })
  deletedOwnershipRuleId!: string | null;
}
