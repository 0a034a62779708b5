import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { badInput, decodeCursor, encodeCursor, OrderDirection, orderTag, pageOf, pageSize, notFound, reasonText } from '@nhi/graphql';
import { OutboxService } from '@nhi/messaging';
import { FindingsService } from '../findings/findings.service';
import { identityStore } from '../identity-data/identity-store';
import { canonicalExternalId, canonicalProvider } from '../normalisation/provider-aliases';
import { cleanText } from '../normalisation/text';
import { IdentityFilterInput, IdentityOrderField, IdentityOrderInput } from './dto/identity-filter.input';
import { IdentityConnectionModel } from './identity-connection.model';
import { IdentityEntity } from '../identity-data/identity.entity';
import { applyAfter, applyFilter, sortColumn, sortKeyOf } from './identity-query';
import { SightingEntity } from '../identity-data/sighting.entity';
import { listedColumns } from './identity-details';
import { IdentityCounts } from './identity-counts';

const DEFAULT_ORDER: IdentityOrderInput = { field: IdentityOrderField.NAME, direction: OrderDirection.ASC };

@Injectable()
export class IdentitiesService {
  /** What lists of identities (aliased `i`) read: every column but the long details. */
  private readonly listedColumns: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly findings: FindingsService,
    private readonly counts: IdentityCounts,
  ) {
    this.listedColumns = listedColumns(dataSource, 'i');
  }

  findByNaturalKey(provider: string, externalId: string): Promise<IdentityEntity | null> {
    const canonical = canonicalProvider(provider);
    return this.dataSource
      .getRepository(IdentityEntity)
      .findOne({ where: { provider: canonical, externalId: canonicalExternalId(canonical, externalId) } });
  }

  /**
   * One query for many ids, without the long details (identity-details.ts): entity resolution from the
   * gateway is batched through this. `= ANY(array)` binds one parameter where `IN (...)` binds one per id.
   */
  listed(ids: readonly string[]): Promise<IdentityEntity[]> {
    return this.dataSource
      .getRepository(IdentityEntity)
      .createQueryBuilder('i')
      .select(this.listedColumns)
      .where('i.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  sightingsOf(identityIds: readonly string[]): Promise<SightingEntity[]> {
    return this.dataSource.getRepository(SightingEntity).find({ where: { identityId: In([...identityIds]) }, order: { seenAt: 'DESC' } });
  }

  async page(
    first: number | null | undefined,
    after: string | null | undefined,
    filter?: IdentityFilterInput,
    order = DEFAULT_ORDER,
  ): Promise<IdentityConnectionModel> {
    const size = pageSize(first);
    const repository = this.dataSource.getRepository(IdentityEntity);
    const query = applyFilter(repository.createQueryBuilder('i').select(this.listedColumns), filter);
    const count = query.clone();
    const tag = orderTag(order, DEFAULT_ORDER);
    if (after) applyAfter(query, order, decodeCursor(after, tag));
    const rows = await query
      .orderBy(sortColumn(order), order.direction)
      .addOrderBy('i.id', order.direction)
      .limit(size + 1)
      .getMany();
    return {
      ...pageOf(rows, size, after, (node) => encodeCursor(sortKeyOf(node, order), node.id, tag)),
      count: () => this.counts.total(filter ?? {}, count),
    };
  }

  /** Decommissioning is explicit: who, when and why are kept, an event goes out and its findings close. */
  decommission(id: string, reason: string, actor: Actor, now = new Date()): Promise<IdentityEntity> {
    return this.decommissionAs(id, reason, actor, now, 'refuse');
  }

  /**
   * The same, but an identity already decommissioned is returned as it is (its first reason, actor and
   * time stay, nothing is published again): a retry of identityDecommission answers like the first call.
   */
  decommissionOnce(id: string, reason: string, actor: Actor, now = new Date()): Promise<IdentityEntity> {
    return this.decommissionAs(id, reason, actor, now, 'return');
  }

  private async decommissionAs(id: string, reason: string, actor: Actor, now: Date, repeat: 'refuse' | 'return'): Promise<IdentityEntity> {
    const why = reasonText(cleanText(reason), 'reason', 'say why the identity is decommissioned');
    return this.dataSource.transaction(async (manager) => {
      const identity = await manager.getRepository(IdentityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!identity) throw notFound('no identity has this id', 'id');
      if (identity.status === 'DECOMMISSIONED') {
        if (repeat === 'return') return identity;
        throw badInput(
          `this identity was already decommissioned on ${identity.decommissionedAt?.toISOString()} by ${identity.decommissionedBy}`,
          'id',
        );
      }
      await this.decommissionIn(manager, identity, why, actor.sub, now);
      return identity;
    });
  }

  /**
   * An owner attested DECOMMISSION in a campaign (an ownership event): the same
   * decommissioning, in the consumer's transaction. Already decommissioned, or
   * unknown here: nothing to do.
   */
  async decommissionAttested(manager: EntityManager, id: string, reason: string, by: string, at: Date): Promise<void> {
    const identity = await manager.getRepository(IdentityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!identity || identity.status === 'DECOMMISSIONED') return;
    await this.decommissionIn(manager, identity, reason, by, at);
  }

  private async decommissionIn(manager: EntityManager, identity: IdentityEntity, why: string, by: string, now: Date): Promise<void> {
    Object.assign(identity, { status: 'DECOMMISSIONED', decommissionedAt: now, decommissionedBy: by, decommissionReason: why });
    await manager.getRepository(IdentityEntity).save(identity);
    await this.outbox.enqueue(manager, {
      type: 'nhi.identity.decommissioned',
      subject: identity.id,
      data: { id: identity.id, reason: why, decommissionedBy: by, decommissionedAt: now.toISOString() },
    });
    await this.findings.reconcile(manager, { identities: await identityStore.findByIds(manager, [identity.id]) }, now);
  }
}
