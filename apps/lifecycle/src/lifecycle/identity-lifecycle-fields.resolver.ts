import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { byKeys, groupByKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ControlSuspensionModel, IdentityLifecycleModel } from '../identity-data/identity-lifecycle.model';
import { PoliciesService } from '../policies/policies.service';
import { RotationPolicyModel } from '../policies/rotation-policy.model';
import { RevocationRequestModel, RotationRequestModel } from '../requests/credential-request.model';
import { Suspensions } from '../suspensions/suspensions';
import { LifecycleService } from './lifecycle.service';

const MAX_ROTATIONS_PAGE = 100;

@CanRead()
@Resolver(() => IdentityLifecycleModel)
export class IdentityLifecycleFieldsResolver {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly policies: PoliciesService,
    private readonly suspensionsOf: Suspensions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => RotationPolicyModel, { nullable: true, description: 'The policy that sets the maximum age.' })
  policy(@Parent() parent: IdentityLifecycleModel, @Context() context: SubgraphContext): Promise<RotationPolicyModel | null> | null {
    if (!parent.policyId) return null;
    return requestLoader<string, RotationPolicyModel | null>(context, 'policies', async (ids) =>
      byKeys(
        ids,
        await this.policies.list(ids),
        (row) => row.id,
        () => null,
      ),
    ).load(parent.policyId);
  }

  @ResolveField(() => [RotationRequestModel], { description: 'The latest rotation requests, newest first.' })
  rotations(
    @Parent() parent: IdentityLifecycleModel,
    @Context() context: SubgraphContext,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'How many, at most 100.' }) first: number,
  ): Promise<RotationRequestModel[]> {
    const limit = Math.max(0, Math.min(first, MAX_ROTATIONS_PAGE));
    return requestLoader<string, RotationRequestModel[]>(context, `rotations:${limit}`, async (ids) => {
      const rows = await this.lifecycle.rotations(ids, limit);
      return groupByKeys(ids, rows, (row) => row.identityId);
    }).load(parent.identityId);
  }

  @ResolveField(() => RevocationRequestModel, { nullable: true, description: 'The latest revocation request, if any.' })
  revocation(@Parent() parent: IdentityLifecycleModel, @Context() context: SubgraphContext): Promise<RevocationRequestModel | null> {
    return requestLoader<string, RevocationRequestModel | null>(context, 'revocations', async (ids) =>
      byKeys(
        ids,
        await this.lifecycle.latestRevocations(ids),
        (row) => row.identityId,
        () => null,
      ),
    ).load(parent.identityId);
  }

  @ResolveField(() => [ControlSuspensionModel], {
    description: 'Approved exceptions in force that suspend automatic rotation or revocation, soonest to expire first.',
  })
  suspensions(@Parent() parent: IdentityLifecycleModel, @Context() context: SubgraphContext): Promise<ControlSuspensionModel[]> {
    return requestLoader<string, ControlSuspensionModel[]>(context, 'suspensions', async (ids) =>
      groupByKeys(ids, await this.suspensionsOf.inForce(this.dataSource.manager, ids), (row) => row.identityId),
    ).load(parent.identityId);
  }
}
