import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import { AttestationCampaignEntity } from '../attestation/attestation-campaign.entity';
import { HandoffEntity } from '../handoff/handoff.entity';
import { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import { toSuggestionModel } from '../rules/suggestions.resolver';
import { filterId, queuePage, sortedQueue, type QueueSortKey } from '@nhi/persistence';
import {
  CampaignOrderField,
  CampaignOrderInput,
  HandoffOrderField,
  HandoffOrderInput,
  SuggestionOrderField,
  SuggestionOrderInput,
} from './queue-order.types';
import {
  CampaignConnectionModel,
  CampaignFilterInput,
  HandoffConnectionModel,
  HandoffQueueFilterInput,
  SuggestionConnectionModel,
  SuggestionQueueFilterInput,
} from './queue.types';

const FIRST = { type: () => Int, nullable: true, description: 'Page size, 1 to 500; 50 when left out.' } as const;
const AFTER = { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." } as const;

const SUGGESTION_KEYS: Record<SuggestionOrderInput['field'], QueueSortKey<OwnershipSuggestionEntity>> = {
  CREATED_AT: { column: 's.created_at', of: (row) => row.createdAt },
  CONFIDENCE: { column: 's.confidence', of: (row) => row.confidence, numeric: true },
};
const CAMPAIGN_KEYS: Record<CampaignOrderInput['field'], QueueSortKey<AttestationCampaignEntity>> = {
  DEADLINE: { column: 'c.deadline', of: (row) => row.deadline },
  STARTED_AT: { column: 'c.started_at', of: (row) => row.startedAt },
};
const HANDOFF_KEYS: Record<HandoffOrderInput['field'], QueueSortKey<HandoffEntity>> = {
  REQUESTED_AT: { column: 'h.requested_at', of: (row) => row.requestedAt },
};
const ORDER_BY = (type: () => unknown, byDefault: string) => ({
  type,
  nullable: true,
  description: `The order; ${byDefault} when left out.`,
});

/** The ownership queues a governance team works through (issue 22 item 5), each scoped by business unit or owner. */
@CanRead()
@Resolver()
export class OwnershipQueuesResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => SuggestionConnectionModel, {
    description:
      "Every open (PENDING) ownership suggestion, oldest first or in orderBy, optionally for one business unit or one proposed owner: the queue of owners to confirm. One identity's are on NonHumanIdentity.suggestions.",
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
    @Args('orderBy', ORDER_BY(() => SuggestionOrderInput, 'oldest first')) orderBy: SuggestionOrderInput | null,
  ): Promise<SuggestionConnectionModel> {
    const query = this.dataSource.getRepository(OwnershipSuggestionEntity).createQueryBuilder('s').where("s.status = 'PENDING'");
    if (filter?.businessUnit) {
      query.andWhere('EXISTS (SELECT 1 FROM identity_ownership i WHERE i.identity_id = s.identity_id AND i.business_unit = :bu)', {
        bu: filter.businessUnit,
      });
    }
    const ownerId = filterId(filter?.ownerId, 'filter.ownerId');
    if (ownerId) query.andWhere('s.owner_id = :ownerId', { ownerId });
    const order = sortedQueue(SUGGESTION_KEYS, { column: 's.id', of: (row) => row.id }, orderBy, SuggestionOrderField.CREATED_AT);
    const page = await queuePage(query, order, first, after);
    return { ...page, edges: page.edges.map(({ node, cursor }) => ({ node: toSuggestionModel(node), cursor })) };
  }

  @Query(() => CampaignConnectionModel, {
    description:
      'Attestation campaigns, soonest deadline first or in orderBy, optionally only OPEN or CLOSED ones, for one business unit or one owner.',
  })
  attestationCampaigns(
    @Args('filter', { type: () => CampaignFilterInput, nullable: true, description: 'Which campaigns; all of them when left out.' })
    filter: CampaignFilterInput | null,
    @Args('first', FIRST) first: number | null,
    @Args('after', AFTER) after: string | null,
    @Args('orderBy', ORDER_BY(() => CampaignOrderInput, 'soonest deadline first')) orderBy: CampaignOrderInput | null,
  ): Promise<CampaignConnectionModel> {
    const query = this.dataSource.getRepository(AttestationCampaignEntity).createQueryBuilder('c').where('TRUE');
    if (filter?.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter?.businessUnit) query.andWhere('c.business_unit = :bu', { bu: filter.businessUnit });
    const campaignOwner = filterId(filter?.ownerId, 'filter.ownerId');
    if (campaignOwner) query.andWhere('c.owner_id = :ownerId', { ownerId: campaignOwner });
    return queuePage(
      query,
      sortedQueue(CAMPAIGN_KEYS, { column: 'c.id', of: (row) => row.id }, orderBy, CampaignOrderField.DEADLINE),
      first,
      after,
    );
  }

  @Query(() => HandoffConnectionModel, {
    description:
      'Handoffs waiting for the receiving owner to accept or decline, oldest first or in orderBy, to one owner, from one owner or within one business unit.',
  })
  openHandoffs(
    @Args('filter', { type: () => HandoffQueueFilterInput, nullable: true, description: 'Which handoffs; every open one when left out.' })
    filter: HandoffQueueFilterInput | null,
    @Args('first', FIRST) first: number | null,
    @Args('after', AFTER) after: string | null,
    @Args('orderBy', ORDER_BY(() => HandoffOrderInput, 'oldest first')) orderBy: HandoffOrderInput | null,
  ): Promise<HandoffConnectionModel> {
    const query = this.dataSource.getRepository(HandoffEntity).createQueryBuilder('h').where("h.status = 'REQUESTED'");
    const to = filterId(filter?.toOwnerId, 'filter.toOwnerId');
    const from = filterId(filter?.fromOwnerId, 'filter.fromOwnerId');
    if (to) query.andWhere('h.to_owner_id = :to', { to });
    if (from) query.andWhere('h.from_owner_id = :from', { from });
    if (filter?.businessUnit) {
      query.andWhere('EXISTS (SELECT 1 FROM owners o WHERE o.id = h.to_owner_id AND o.business_unit = :bu)', { bu: filter.businessUnit });
    }
    return queuePage(
      query,
      sortedQueue(HANDOFF_KEYS, { column: 'h.id', of: (row) => row.id }, orderBy, HandoffOrderField.REQUESTED_AT),
      first,
      after,
    );
  }
}

@CanRead()
@Resolver(() => HandoffConnectionModel)
export class HandoffConnectionResolver {
  @ResolveField(() => Int, { description: 'Open handoffs matching the filter, on all pages.' })
  totalCount(@Parent() connection: HandoffConnectionModel): Promise<number> {
    return connection.count();
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
