import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { OwnershipRuleEntity } from './ownership-rule.entity';
import { OwnershipRuleModel } from './ownership-rule.model';
import { OwnershipSuggestionEntity } from './ownership-suggestion.entity';
import { OwnershipSuggestionModel } from './ownership-suggestion.model';
import { toRuleModel } from './rules.resolver';
import { RulesService } from './rules.service';
import { withLegacyCodes } from '../refusals';

export const toSuggestionModel = (suggestion: OwnershipSuggestionEntity): OwnershipSuggestionModel => ({
  ...suggestion,
  identity: { id: suggestion.identityId },
});

@CanRead()
@Resolver(() => OwnershipSuggestionModel)
export class SuggestionsResolver {
  constructor(
    private readonly rules: RulesService,
    private readonly owners: OwnersService,
  ) {}

  @Query(() => [OwnershipSuggestionModel], {
    description: 'Suggested owners of an identity: open ones first, surest first.',
    deprecationReason: 'Use NonHumanIdentity.suggestions',
  })
  async ownershipSuggestions(
    @Args('identityId', { type: () => ID, description: 'The identity.' }) identityId: string,
  ): Promise<OwnershipSuggestionModel[]> {
    return (await this.rules.suggestionsFor(identityId)).map(toSuggestionModel);
  }

  @SecurityAdminOnly('accept an ownership suggestion')
  @Mutation(() => OwnershipSuggestionModel, {
    description: 'Makes the suggested owner the PRIMARY owner; other open suggestions for the identity close.',
    deprecationReason: 'Use ownershipSuggestionAccept(input:).',
  })
  async acceptSuggestion(
    @Args('id', { type: () => ID, description: "The suggestion's id." }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipSuggestionModel> {
    return toSuggestionModel(await withLegacyCodes(() => this.rules.accept(id, actor)));
  }

  @SecurityAdminOnly('reject an ownership suggestion')
  @Mutation(() => OwnershipSuggestionModel, {
    description: 'Declines a suggestion; the same rule will not suggest that owner for that identity again.',
    deprecationReason: 'Use ownershipSuggestionReject(input:).',
  })
  async rejectSuggestion(
    @Args('id', { type: () => ID, description: "The suggestion's id." }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipSuggestionModel> {
    return toSuggestionModel(await withLegacyCodes(() => this.rules.reject(id, actor)));
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  owner(@Parent() suggestion: OwnershipSuggestionModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(suggestion.ownerId);
  }

  @ResolveField(() => OwnershipRuleModel, { nullable: true })
  async rule(@Parent() suggestion: OwnershipSuggestionModel, @Context() context: SubgraphContext): Promise<OwnershipRuleModel | null> {
    if (!suggestion.ruleId) return null;
    const rule = await requestLoader<string, OwnershipRuleEntity | null>(context, 'rules', async (ids) =>
      byKeys(
        ids,
        await this.rules.rulesByIds(ids),
        (row) => row.id,
        () => null,
      ),
    ).load(suggestion.ruleId);
    return rule ? toRuleModel(rule) : null;
  }
}
