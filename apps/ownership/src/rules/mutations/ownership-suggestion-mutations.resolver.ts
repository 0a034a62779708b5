import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { RulesService } from '../rules.service';
import { toSuggestionModel } from '../suggestions.resolver';
import {
  OwnershipSuggestionAcceptInput,
  OwnershipSuggestionPayload,
  OwnershipSuggestionRejectInput,
} from './ownership-suggestion-mutations.types';

/** The payload forms of deciding ownership suggestions (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class OwnershipSuggestionMutationsResolver {
  constructor(private readonly rules: RulesService) {}

  @SecurityAdminOnly('accept an ownership suggestion')
  @Mutation(() => OwnershipSuggestionPayload, {
    nullable: true,
    description:
      'Makes the suggested owner the PRIMARY owner; other open suggestions for the identity close. A suggestion already decided, or whose owner has left, is refused (CONFLICT).',
  })
  ownershipSuggestionAccept(
    @Args('input', { description: 'The suggestion to accept.' }) input: OwnershipSuggestionAcceptInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipSuggestionPayload> {
    return mutationPayload(input, async () => ({
      ownershipSuggestion: toSuggestionModel(await this.rules.accept(input.id, actor)),
    })) as Promise<OwnershipSuggestionPayload>;
  }

  @SecurityAdminOnly('reject an ownership suggestion')
  @Mutation(() => OwnershipSuggestionPayload, {
    nullable: true,
    description:
      'Declines a suggestion; the same rule will not suggest that owner for that identity again. A suggestion already decided is refused (CONFLICT).',
  })
  ownershipSuggestionReject(
    @Args('input', { description: 'The suggestion to decline.' }) input: OwnershipSuggestionRejectInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipSuggestionPayload> {
    return mutationPayload(input, async () => ({
      ownershipSuggestion: toSuggestionModel(await this.rules.reject(input.id, actor)),
    })) as Promise<OwnershipSuggestionPayload>;
  }
}
