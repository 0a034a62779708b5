import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { IdentitiesService } from '../../identities/identities.service';
import { identityLoader } from '../../identities/identity-loader';
import { IdentityModel } from '../../identities/identity.model';
import type { IdentityEntity } from '../../identity-data/identity.entity';
import { FindingModel } from '../finding.model';
import { OpenFindingsService } from './open-findings.service';
import { FindingConnectionModel, FindingOrderInput, OpenFindingsFilterInput, QueuedFinding } from './open-findings.types';

@CanRead()
@Resolver(() => FindingModel)
export class OpenFindingsResolver {
  constructor(
    private readonly findings: OpenFindingsService,
    private readonly identities: IdentitiesService,
  ) {}

  @Query(() => FindingConnectionModel, {
    description:
      "The queue of open findings across the estate, most severe first and then newest or in orderBy, optionally for one business unit, some categories or a minimum severity. An owner's own findings are on viewer's identities.",
  })
  openFindings(
    @Args('filter', { type: () => OpenFindingsFilterInput, nullable: true, description: 'Which open findings; all of them when left out.' })
    filter: OpenFindingsFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; 50 when left out.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." }) after: string | null,
    @Args('orderBy', {
      type: () => FindingOrderInput,
      nullable: true,
      description: 'The order; most severe first, then newest, when left out.',
    })
    orderBy: FindingOrderInput | null,
  ): Promise<FindingConnectionModel> {
    return this.findings.page(filter, first, after, orderBy ?? undefined);
  }

  @ResolveField(() => IdentityModel, {
    nullable: true,
    description: 'The identity the finding is on; null only if it no longer exists.',
  })
  identity(@Parent() finding: QueuedFinding, @Context() context: SubgraphContext): Promise<IdentityEntity | null> {
    return identityLoader(context, this.identities).load(finding.identityId);
  }
}

@CanRead()
@Resolver(() => FindingConnectionModel)
export class FindingConnectionResolver {
  @ResolveField(() => Int, { description: 'Open findings matching the filter, on all pages.' })
  totalCount(@Parent() connection: FindingConnectionModel): Promise<number> {
    return connection.count();
  }
}
