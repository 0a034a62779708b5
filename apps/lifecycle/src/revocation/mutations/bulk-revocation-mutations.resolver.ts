import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { BulkRevocation } from '../bulk-revocation';
import { BulkRevocationResultModel, RevocationPlanModel, planModel } from '../revocation-plan.model';
import {
  BulkRevocationCreateInput,
  BulkRevocationCreatePayload,
  RevocationPlanCreateInput,
  RevocationPlanCreatePayload,
} from './bulk-revocation-mutations.types';

/** The payload forms of bulk revocation (issue 22): refusals a user can fix come back as userErrors, and a retry with the same key creates nothing. */
@SecurityAdminOnly('plan or request a bulk revocation')
@Resolver()
export class BulkRevocationMutationsResolver {
  constructor(
    private readonly bulk: BulkRevocation,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Mutation(() => RevocationPlanCreatePayload, {
    nullable: true,
    description:
      'Plans as planRevocation does and keeps the plan, so that revocationRequestsCreate(input: { selection: { revocationPlanId } }) acts on exactly the identities reviewed. Needs security-admin.',
  })
  revocationPlanCreate(
    @Args('input', { description: 'The selector, and the ids of the call.' }) input: RevocationPlanCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationPlanCreatePayload> {
    return mutationPayload(input, async () => ({
      revocationPlan: await this.idempotency.once<RevocationPlanModel | null>(
        { operation: 'revocationPlanCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        async () => {
          const plan = await this.bulk.save(input.selector, actor);
          return planModel(plan, plan);
        },
        (plan) => ({ id: plan?.id }),
        async (ref) => {
          const plan = await this.bulk.saved(String(ref['id']));
          return plan ? planModel(plan, plan) : null;
        },
      ),
    })) as Promise<RevocationPlanCreatePayload>;
  }

  @Mutation(() => BulkRevocationCreatePayload, {
    nullable: true,
    description:
      'Requests the revocation of every identity the selector matches (see planRevocation); identities already revoked or being revoked, and those an approved REVOCATION exception holds, are skipped. Needs security-admin.',
  })
  bulkRevocationCreate(
    @Args('input', { description: 'The selector and the reason, and the ids of the call.' }) input: BulkRevocationCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<BulkRevocationCreatePayload> {
    return mutationPayload(input, async () => ({
      bulkRevocation: await this.idempotency.once<BulkRevocationResultModel>(
        { operation: 'bulkRevocationCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.bulk.request(input.selector, input.reason, actor),
        (result) => ({ requested: result.requested, skipped: result.skipped }),
        (ref) => Promise.resolve({ requested: Number(ref['requested']), skipped: Number(ref['skipped']) }),
      ),
    })) as Promise<BulkRevocationCreatePayload>;
  }
}
