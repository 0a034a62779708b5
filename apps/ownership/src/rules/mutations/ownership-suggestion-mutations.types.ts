import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload } from '@nhi/graphql';
import { OwnershipSuggestionModel } from '../ownership-suggestion.model';

@InputType('OwnershipSuggestionAcceptInput', { description: 'A suggestion to accept: its owner becomes the PRIMARY owner.' })
export class OwnershipSuggestionAcceptInput extends MutationInput {
  @Field(() => ID, { description: 'The suggestion to accept (a PENDING one).' })
  @Allow()
  id!: string;
}

@InputType('OwnershipSuggestionRejectInput', { description: 'A suggestion to decline.' })
export class OwnershipSuggestionRejectInput extends MutationInput {
  @Field(() => ID, { description: 'The suggestion to decline (a PENDING one).' })
  @Allow()
  id!: string;
}

@ObjectType('OwnershipSuggestionPayload', { description: 'The outcome of ownershipSuggestionAccept and ownershipSuggestionReject.' })
export class OwnershipSuggestionPayload extends MutationPayload {
  @Field(() => OwnershipSuggestionModel, {
    nullable: true,
    description: 'The suggestion as it is now, with its decision. Null when refused.',
  })
  ownershipSuggestion!: OwnershipSuggestionModel | null;
}
