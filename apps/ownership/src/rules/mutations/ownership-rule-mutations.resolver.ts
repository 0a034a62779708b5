import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { RulesService } from '../rules.service';
import { toRuleModel } from '../rules.resolver';
import { OwnershipRuleModel } from '../ownership-rule.model';
import {
  OwnershipRuleCreateInput,
  OwnershipRuleCreatePayload,
  OwnershipRuleDeleteInput,
  OwnershipRuleDeletePayload,
} from './ownership-rule-mutations.types';

/** The payload forms of creating and deleting ownership rules (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class OwnershipRuleMutationsResolver {
  constructor(
    private readonly rules: RulesService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @SecurityAdminOnly('create an ownership rule')
  @Mutation(() => OwnershipRuleCreatePayload, {
    nullable: true,
    description:
      'Creates a rule. It runs on every new or changed identity, and at once on the identities waiting for an owner. A retry with the same idempotencyKey returns the first rule and creates nothing.',
  })
  ownershipRuleCreate(
    @Args('input', { description: 'The rule: its owner, mode and criteria.' }) input: OwnershipRuleCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnershipRuleCreatePayload> {
    const request = mutationArguments(input);
    return mutationPayload(input, async () => ({
      ownershipRule: await this.idempotency.once<OwnershipRuleModel | null>(
        { operation: 'ownershipRuleCreate', actor: actor.sub, key: input.idempotencyKey, input: request },
        async () => toRuleModel(await this.rules.create(request, actor)),
        (rule) => ({ id: rule?.id }),
        async (ref) => {
          const [rule] = await this.rules.rulesByIds([String(ref['id'])]);
          return rule ? toRuleModel(rule) : null;
        },
      ),
    })) as Promise<OwnershipRuleCreatePayload>;
  }

  @SecurityAdminOnly('delete an ownership rule')
  @Mutation(() => OwnershipRuleDeletePayload, {
    nullable: true,
    description: 'Disables a rule; what it assigned stays assigned. A rule that is unknown or already disabled is refused (NOT_FOUND).',
  })
  ownershipRuleDelete(
    @Args('input', { description: 'The rule to disable.' }) input: OwnershipRuleDeleteInput,
  ): Promise<OwnershipRuleDeletePayload> {
    return mutationPayload(input, async () => {
      await this.rules.delete(input.id);
      return { deletedOwnershipRuleId: input.id };
    }) as Promise<OwnershipRuleDeletePayload>;
  }
}
