import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { OwnershipRuleInput } from './dto/ownership-rule.input';
import { OwnershipRuleEntity } from './ownership-rule.entity';
import { OwnershipRuleModel } from './ownership-rule.model';
import { RulesService } from './rules.service';

export function toRuleModel(rule: OwnershipRuleEntity): OwnershipRuleModel {
  const { criteria } = rule;
  return {
    id: rule.id,
    name: rule.name,
    mode: rule.mode,
    ownerId: rule.ownerId,
    provider: criteria.provider ?? null,
    system: criteria.system ?? null,
    businessUnit: criteria.businessUnit ?? null,
    tags: Object.entries(criteria.tags ?? {}).map(([key, value]) => ({ key, value })),
    namePattern: criteria.namePattern ?? null,
    account: criteria.account ?? null,
    confidence: rule.confidence,
    enabled: rule.enabled,
    createdBy: rule.createdBy,
    createdAt: rule.createdAt,
  };
}

@CanRead()
@Resolver(() => OwnershipRuleModel)
export class RulesResolver {
  constructor(
    private readonly rules: RulesService,
    private readonly owners: OwnersService,
  ) {}

  @SecurityAdminOnly('create an ownership rule')
  @Mutation(() => OwnershipRuleModel, {
    description: 'A rule runs on every new or changed identity, and at once on the identities waiting for an owner.',
    deprecationReason: 'Use ownershipRuleCreate(input:).',
  })
  async createOwnershipRule(
    @Args('input', { description: 'The owner, the mode and the criteria.' }) input: OwnershipRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipRuleModel> {
    return toRuleModel(await this.rules.create(input, actor));
  }

  @SecurityAdminOnly('delete an ownership rule')
  @Mutation(() => Boolean, {
    description: 'Disables a rule; what it assigned stays assigned.',
    deprecationReason: 'Use ownershipRuleDelete(input:).',
  })
  deleteOwnershipRule(@Args('id', { type: () => ID, description: 'The id of an enabled rule.' }) id: string): Promise<boolean> {
    return this.rules.delete(id);
  }

  @Query(() => [OwnershipRuleModel], { description: 'Enabled rules, oldest first.' })
  async ownershipRules(): Promise<OwnershipRuleModel[]> {
    return (await this.rules.list()).map(toRuleModel);
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  owner(@Parent() rule: OwnershipRuleModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(rule.ownerId);
  }
}
