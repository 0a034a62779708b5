import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import { AttestationCampaignEntity } from '../attestation/attestation-campaign.entity';
import { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import { toSuggestionModel } from '../rules/suggestions.resolver';
import { queuePage } from './queue-page';
import { CampaignConnectionModel, CampaignFilterInput, SuggestionConnectionModel, SuggestionQueueFilterInput } from './queue.types';

const FIRST = { type: () => Int, nullable: true, description: 'Page size, 1 to 500; 50 when left out.' } as const;
const AFTER = { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." } as const;

/** The ownership queues a governance team works through (issue 22 item 5), each scoped by business unit or owner. */
@CanRead()
@Resolver()
export class OwnershipQueuesResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => SuggestionConnectionModel, {
    description:
      "Every open (PENDING) ownership suggestion, oldest first, optionally for one business unit or one proposed owner: the queue of owners to confirm. One identity's are on NonHumanIdentity.suggestions.",
  })
  async openOwnershipSuggestions(
    @Args('filter', {
      type: () => SuggestionQueueFilterInput,
      nullable: true,
      description: 'Which suggestions; all open ones when left out.',
    })
    filter: SuggestionQueueFilterInput | null,
    @Args('first', FIRST) first: number | null,
    @Args('after', AFTER) after: string | null,
  ): Promise<SuggestionConnectionModel> {
    const query = this.dataSource.getRepository(OwnershipSuggestionEntity).createQueryBuilder('s').where("s.status = 'PENDING'");
    if (filter?.businessUnit) {
      query.andWhere('EXISTS (SELECT 1 FROM identity_ownership i WHERE i.identity_id = s.identity_id AND i.business_unit = :bu)', {
        bu: filter.businessUnit,
      });
    }
    if (filter?.ownerId) query.andWhere('s.owner_id = :ownerId', { ownerId: filter.ownerId });
    const page = await queuePage(
      query,
      { at: 's.created_at', id: 's.id', cursorOf: (row) => ({ at: row.createdAt, id: row.id }) },
      first,
      after,
    );
    return { ...page, edges: page.edges.map(({ node, cursor }) => ({ node: toSuggestionModel(node), cursor })) };
  }

  @Query(() => CampaignConnectionModel, {
    description: 'Attestation campaigns, soonest deadline first, optionally only OPEN or CLOSED ones, for one business unit or one owner.',
  })
  attestationCampaigns(
    @Args('filter', { type: () => CampaignFilterInput, nullable: true, description: 'Which campaigns; all of them when left out.' })
    filter: CampaignFilterInput | null,
    @Args('first', FIRST) first: number | null,
    @Args('after', AFTER) after: string | null,
  ): Promise<CampaignConnectionModel> {
    const query = this.dataSource.getRepository(AttestationCampaignEntity).createQueryBuilder('c').where('TRUE');
    if (filter?.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter?.businessUnit) query.andWhere('c.business_unit = :bu', { bu: filter.businessUnit });
    if (filter?.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: filter.ownerId });
    return queuePage(query, { at: 'c.deadline', id: 'c.id', cursorOf: (row) => ({ at: row.deadline, id: row.id }) }, first, after);
  }
}

@CanRead()
@Resolver(() => SuggestionConnectionModel)
export class SuggestionConnectionResolver {
  @ResolveField(() => Int, { description: 'Open suggestions matching the filter, on all pages.' })
  totalCount(@Parent() connection: SuggestionConnectionModel): Promise<number> {
    return connection.count();
  }
}

@CanRead()
@Resolver(() => CampaignConnectionModel)
export class CampaignConnectionResolver {
  @ResolveField(() => Int, { description: 'Campaigns matching the filter, on all pages.' })
  totalCount(@Parent() connection: CampaignConnectionModel): Promise<number> {
    return connection.count();
  }
}
