import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertActsOnIdentities, type Actor } from '@nhi/auth';
import { timeOrderedUuid, type AttestationDecision } from '@nhi/contracts';
import { badInput, conflict, notFound } from '@nhi/graphql';
import { OutboxService } from '@nhi/messaging';
import { OwnerEntity } from '../owner-data/owner.entity';
import { identityOwnerPaths } from '../owner-data/owner-paths';
import { AssignmentService } from '../assignment/assignment.service';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import { RulesService } from '../rules/rules.service';
import { AttestationCampaignEntity } from './attestation-campaign.entity';
import type { AttestationProgressModel } from './attestation-campaign.model';
import { AttestationItemEntity } from './attestation-item.entity';
import type { CampaignInput } from './dto/campaign.input';

interface ProgressRow {
  key: string | null;
  total: number;
  decided: number;
  kept: number;
  not_mine: number;
  decommission: number;
}

export const toProgress = (row: ProgressRow | undefined): AttestationProgressModel => {
  const total = row?.total ?? 0;
  const decided = row?.decided ?? 0;
  return {
    total,
    decided,
    pending: total - decided,
    kept: row?.kept ?? 0,
    notMine: row?.not_mine ?? 0,
    decommission: row?.decommission ?? 0,
    completion: total === 0 ? 1 : decided / total,
  };
};

/**
 * Attestation campaigns: the owned identities in scope when a campaign starts
 * each need their owner's decision before the deadline. KEEP records the
 * attestation; NOT_MINE hands the identity back (UNASSIGNED, with a
 * suggestion); DECOMMISSION asks inventory to decommission it.
 */
@Injectable()
export class AttestationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly rules: RulesService,
    private readonly outbox: OutboxService,
  ) {}

  async start(input: CampaignInput, actor: Actor, now = new Date()): Promise<AttestationCampaignEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name is required', 'name');
    if (!(input.deadline instanceof Date) || Number.isNaN(input.deadline.getTime()) || input.deadline <= now) {
      throw badInput('deadline must be in the future', 'deadline');
    }
    return this.dataSource.transaction(async (manager) => {
      if (input.ownerId && !(await manager.getRepository(OwnerEntity).exists({ where: { id: input.ownerId } }))) {
        throw notFound('no owner has this ownerId', 'ownerId');
      }
      const campaign = manager.getRepository(AttestationCampaignEntity).create({
        id: timeOrderedUuid(),
        name,
        businessUnit: input.businessUnit?.trim() || null,
        kind: input.kind?.trim().toUpperCase() || null,
        ownerId: input.ownerId ?? null,
        deadline: input.deadline,
        status: 'OPEN',
        startedBy: actor.sub,
        startedAt: now,
        closedAt: null,
      });
      await manager.getRepository(AttestationCampaignEntity).save(campaign);
      const scoped: Array<{ identity_id: string }> = await manager.query(
        `INSERT INTO attestation_items (campaign_id, identity_id, owner_id, business_unit)
         SELECT $1, identity_id, owner_id, business_unit FROM identity_ownership
         WHERE status = 'OWNED' AND identity_status <> 'DECOMMISSIONED'
           AND ($2::text IS NULL OR lower(business_unit) = lower($2)) AND ($3::text IS NULL OR kind = $3)
           AND ($4::uuid IS NULL OR owner_id = $4)
         RETURNING identity_id`,
        [campaign.id, campaign.businessUnit, campaign.kind, campaign.ownerId],
      );
      if (scoped.length === 0) throw badInput('no owned identity is in the scope of this campaign; widen the scope', 'input');
      return campaign;
    });
  }

  async attest(
    identityId: string,
    campaignId: string,
    decision: AttestationDecision,
    note: string | null,
    actor: Actor,
    now = new Date(),
  ): Promise<IdentityOwnershipEntity> {
    const cleanNote = note?.trim() || null;
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.getRepository(AttestationCampaignEntity).findOne({ where: { id: campaignId } });
      if (!campaign) throw notFound('no attestation campaign has this campaignId', 'campaignId');
      if (campaign.status === 'CLOSED' || campaign.deadline <= now) {
        throw conflict(`the campaign closed at its deadline, ${campaign.deadline.toISOString()}; it takes no more decisions`, 'campaignId');
      }
      const items = manager.getRepository(AttestationItemEntity);
      const item = await items.findOne({ where: { campaignId, identityId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw notFound('this identity is not in the campaign', 'identityId');
      if (item.decision) {
        throw conflict(
          `this identity was already attested (${item.decision}) by ${item.decidedBy} at ${item.decidedAt?.toISOString()}`,
          'identityId',
        );
      }
      const row = await manager
        .getRepository(IdentityOwnershipEntity)
        .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('ownership knows no identity with this identityId', 'identityId');
      assertActsOnIdentities(actor, await identityOwnerPaths(manager, [identityId]), 'attest');
      Object.assign(item, { decision, note: cleanNote, decidedBy: actor.sub, decidedAt: now });
      await items.save(item);
      if (decision === 'NOT_MINE') await this.handBack(manager, row, item.ownerId, actor, now);
      else await manager.getRepository(IdentityOwnershipEntity).save(Object.assign(row, { lastAttestationAt: now, updatedAt: now }));
      await this.outbox.enqueue(manager, {
        type: 'nhi.ownership.attested',
        subject: identityId,
        data: { identityId, campaignId, ownerId: item.ownerId, decision, note: cleanNote, actor: actor.sub, attestedAt: now.toISOString() },
      });
      return row;
    });
  }

  campaign(id: string): Promise<AttestationCampaignEntity | null> {
    return this.dataSource.getRepository(AttestationCampaignEntity).findOne({ where: { id } });
  }

  /** Decisions per key ('' for the whole campaign, or owner_id, or business_unit). */
  progress(campaignId: string, by: 'all' | 'owner' | 'businessUnit'): Promise<ProgressRow[]> {
    const key = by === 'owner' ? 'owner_id::text' : by === 'businessUnit' ? 'business_unit' : 'NULL::text';
    return this.dataSource.query(
      `SELECT ${key} AS key, count(*)::int AS total, count(decision)::int AS decided,
              count(*) FILTER (WHERE decision = 'KEEP')::int AS kept,
              count(*) FILTER (WHERE decision = 'NOT_MINE')::int AS not_mine,
              count(*) FILTER (WHERE decision = 'DECOMMISSION')::int AS decommission
       FROM attestation_items WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`,
      [campaignId],
    );
  }

  /**
   * NOT_MINE: the identity goes back to UNASSIGNED, and someone is suggested:
   * what the rules say (never the owner who declined it), else that owner's team.
   */
  private async handBack(manager: EntityManager, row: IdentityOwnershipEntity, declinedBy: string, actor: Actor, now: Date): Promise<void> {
    const owner = await manager.getRepository(OwnerEntity).findOne({ where: { id: declinedBy } });
    if (row.ownerId === declinedBy) {
      await this.assignments.unassign(manager, row, 'PRIMARY', {
        actor: actor.sub,
        reason: `${owner?.name ?? declinedBy} attested: not mine`,
        at: now,
      });
    }
    await this.rules.evaluate(manager, row, now, { suggestOnly: true, exclude: declinedBy });
    const pending = await manager.query(`SELECT 1 FROM ownership_suggestions WHERE identity_id = $1 AND status = 'PENDING' LIMIT 1`, [
      row.identityId,
    ]);
    const team = owner?.parentId ? await manager.getRepository(OwnerEntity).findOne({ where: { id: owner.parentId, active: true } }) : null;
    if (pending.length === 0 && team) {
      const reason = `${owner?.name ?? 'its owner'} said it is not theirs; ${team.name} may know whose it is`;
      await this.rules.suggest(manager, row.identityId, team.id, null, 0.5, reason, now);
    }
  }
}
