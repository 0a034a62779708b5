import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withClientMutationId } from '@nhi/graphql';
import { OwnerModel } from '../../owner-data/owner.model';
import { OwnerInput } from '../dto/owner.input';

@InputType('OwnerUpsertInput', {
  description:
    'A team or a person, keyed by its reference in the directory it comes from. Safe to retry without a key: a repeat with the same externalRef updates the same owner to the same values.',
})
export class OwnerUpsertInput extends withClientMutationId(OwnerInput) {}

@InputType('OwnerDeactivateInput', { description: 'An owner who leaves, and why.' })
export class OwnerDeactivateInput extends MutationInput {
  @Field(() => ID, { description: 'The owner who leaves (an active one).' })
  @Allow()
  ownerId!: string;

  @Field({ description: 'Why it leaves: required, kept on the owner and in the history of each identity it loses.' })
  @Allow()
  reason!: string;
}

@ObjectType('OwnerPayload', { description: 'The outcome of ownerUpsert and ownerDeactivate.' })
export class OwnerPayload extends MutationPayload {
  @Field(() => OwnerModel, { nullable: true, description: 'The owner as it is now. Null when refused.' })
  owner!: OwnerModel | null;
}
