import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { AttestationCampaignEntity } from '../attestation/attestation-campaign.entity';
import { AttestationItemEntity } from '../attestation/attestation-item.entity';
import { HandoffEntity } from '../handoff/handoff.entity';
import { OwnerEntity } from '../owner-data/owner.entity';
import { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import type { ViewerAttestationModel } from './viewer.model';

/** A to-do list is a page, not a report: beyond this a portal links to the campaign or the handoff queue. */
export const VIEWER_TASK_LIMIT = 100;

/** What the viewer owns and what waits for it, each in one query whatever the number of owners. */
@Injectable()
export class ViewerTasksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active owners whose externalRef the token carries. */
  owners(refs: readonly string[]): Promise<OwnerEntity[]> {
    if (refs.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(OwnerEntity)
      .find({ where: { externalRef: In([...refs]), active: true }, order: { externalRef: 'ASC' } });
  }

  async attestations(ownerIds: readonly string[]): Promise<ViewerAttestationModel[]> {
    if (ownerIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(AttestationItemEntity)
      .createQueryBuilder('i')
      .innerJoinAndMapOne('i.campaign', AttestationCampaignEntity, 'c', 'c.id = i.campaign_id')
      .where('i.owner_id = ANY(:ownerIds)', { ownerIds })
      .andWhere('i.decision IS NULL')
      .andWhere("c.status = 'OPEN'")
      .orderBy('c.deadline', 'ASC')
      .addOrderBy('i.identity_id', 'ASC')
      .limit(VIEWER_TASK_LIMIT)
      .getMany();
    return (rows as Array<AttestationItemEntity & { campaign: AttestationCampaignEntity }>).map((row) => ({
      campaign: row.campaign,
      identity: { id: row.identityId },
    }));
  }

  pendingHandoffs(ownerIds: readonly string[]): Promise<HandoffEntity[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(HandoffEntity).find({
      where: { toOwnerId: In([...ownerIds]), status: 'REQUESTED' },
      order: { requestedAt: 'ASC' },
      take: VIEWER_TASK_LIMIT,
    });
  }

  /** Open suggestions that propose one of the viewer's owners, for them to accept or reject; oldest first. */
  suggestions(ownerIds: readonly string[]): Promise<OwnershipSuggestionEntity[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(OwnershipSuggestionEntity).find({
      where: { ownerId: In([...ownerIds]), status: 'PENDING' },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: VIEWER_TASK_LIMIT,
    });
  }
}
