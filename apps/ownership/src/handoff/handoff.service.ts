import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertActsForOwner, assertActsOnIdentities, type Actor } from '@nhi/auth';
import { timeOrderedUuid, type EventType } from '@nhi/contracts';
import { badInput, conflict, notFound } from '@nhi/graphql';
import { OutboxEventInput, OutboxService } from '@nhi/messaging';
import { OwnerEntity } from '../owner-data/owner.entity';
import { ownerPaths, identityOwnerPaths } from '../owner-data/owner-paths';
import { AssignmentService } from '../assignment/assignment.service';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { HandoffInput } from './dto/handoff.input';
import { HandoffEntity } from './handoff.entity';
import { HandoffItemEntity } from './handoff-item.entity';

interface SelectedIdentity {
  identity_id: string;
  owner_id: string | null;
}

/**
 * Handoff is how a pilot team hands identities to operations: the request
 * lists what moves (chosen by owner, system or both), and nothing moves until
 * the receiving owner accepts. An identity that changed hands in between stays
 * where it is, and the acceptance says so.
 */
@Injectable()
export class HandoffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly outbox: OutboxService,
  ) {}

  async request(input: HandoffInput, actor: Actor, now = new Date()): Promise<HandoffEntity> {
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason is required: say why these identities move', 'reason');
    const system = input.system?.trim() || null;
    if (!input.fromOwnerId && !system) throw badInput('choose the identities to hand off: give fromOwnerId, system, or both', 'input');
    return this.dataSource.transaction(async (manager) => {
      const to = await this.receiver(manager, input);
      const selected = await this.selectIdentities(manager, input.fromOwnerId ?? null, to, system, actor);
      const handoff = manager.getRepository(HandoffEntity).create({
        id: timeOrderedUuid(),
        fromOwnerId: input.fromOwnerId ?? null,
        toOwnerId: to.id,
        system,
        reason,
        status: 'REQUESTED',
        requestedBy: actor.sub,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      await manager.getRepository(HandoffEntity).save(handoff);
      await manager
        .getRepository(HandoffItemEntity)
        .insert(selected.map((s) => ({ handoffId: handoff.id, identityId: s.identity_id, fromOwnerId: s.owner_id, moved: null })));
      await this.publish(
        manager,
        'nhi.handoff.requested',
        handoff,
        selected.map((s) => ({ identityId: s.identity_id, fromOwnerId: s.owner_id })),
        actor,
        now,
        { reason },
      );
      return handoff;
    });
  }

  async accept(id: string, actor: Actor, now = new Date()): Promise<HandoffEntity> {
    return this.dataSource.transaction(async (manager) => {
      const handoff = await this.lockRequested(manager, id);
      await this.assertReceiver(manager, handoff, actor, 'accept a handoff');
      const to = await manager.getRepository(OwnerEntity).findOne({ where: { id: handoff.toOwnerId } });
      if (!to?.active) throw conflict('the receiving owner has left since; decline this handoff', 'id');
      const items = await manager.getRepository(HandoffItemEntity).find({ where: { handoffId: id }, order: { identityId: 'ASC' } });
      const rows = await manager.getRepository(IdentityOwnershipEntity).find({
        where: { identityId: In(items.map((i) => i.identityId)) },
        order: { identityId: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(rows.map((row) => [row.identityId, row]));
      const change = { actor: actor.sub, reason: `handoff: ${handoff.reason}`, at: now };
      for (const item of items) {
        const row = byId.get(item.identityId);
        item.moved = Boolean(row && row.ownerId === item.fromOwnerId && row.identityStatus !== 'DECOMMISSIONED');
        if (row && item.moved) await this.assignments.assign(manager, row, to, 'PRIMARY', 'HANDOFF', change);
        await manager.getRepository(HandoffItemEntity).save(item);
      }
      Object.assign(handoff, { status: 'COMPLETED', decidedBy: actor.sub, decidedAt: now });
      await manager.getRepository(HandoffEntity).save(handoff);
      for (const item of items) {
        await this.publish(manager, 'nhi.handoff.completed', handoff, [item], actor, now, { moved: item.moved ?? false });
      }
      return handoff;
    });
  }

  async decline(id: string, note: string | null, actor: Actor, now = new Date()): Promise<HandoffEntity> {
    return this.dataSource.transaction(async (manager) => {
      const handoff = await this.lockRequested(manager, id);
      await this.assertReceiver(manager, handoff, actor, 'decline a handoff');
      Object.assign(handoff, { status: 'DECLINED', decidedBy: actor.sub, decidedAt: now, decisionNote: note?.trim() || null });
      await manager.getRepository(HandoffEntity).save(handoff);
      const items = await manager.getRepository(HandoffItemEntity).find({ where: { handoffId: id }, order: { identityId: 'ASC' } });
      await this.publish(manager, 'nhi.handoff.declined', handoff, items, actor, now, { note: handoff.decisionNote });
      return handoff;
    });
  }

  handoff(id: string): Promise<HandoffEntity | null> {
    return this.dataSource.getRepository(HandoffEntity).findOne({ where: { id } });
  }

  items(handoffId: string): Promise<HandoffItemEntity[]> {
    return this.dataSource.getRepository(HandoffItemEntity).find({ where: { handoffId }, order: { identityId: 'ASC' } });
  }

  pendingFor(ownerId: string): Promise<HandoffEntity[]> {
    return this.dataSource
      .getRepository(HandoffEntity)
      .find({ where: { toOwnerId: ownerId, status: 'REQUESTED' }, order: { requestedAt: 'ASC' } });
  }

  /** The owner a handoff goes to: an active one, other than the owner it comes from (which must exist when named). */
  private async receiver(manager: EntityManager, input: HandoffInput): Promise<OwnerEntity> {
    const owners = manager.getRepository(OwnerEntity);
    const to = await owners.findOne({ where: { id: input.toOwnerId } });
    if (!to) throw notFound('no owner has this toOwnerId', 'toOwnerId');
    if (!to.active) throw badInput('the owner toOwnerId names is inactive; hand off to an active owner', 'toOwnerId');
    if (input.fromOwnerId && !(await owners.exists({ where: { id: input.fromOwnerId } })))
      throw notFound('no owner has this fromOwnerId', 'fromOwnerId');
    if (input.fromOwnerId === to.id) throw badInput('fromOwnerId and toOwnerId are the same owner', 'toOwnerId');
    return to;
  }

  /**
   * The identities a handoff moves, locked: chosen by owner, system or both, none the receiver has already.
   * The actor must act for them, and none may be waiting in another handoff.
   */
  private async selectIdentities(
    manager: EntityManager,
    fromOwnerId: string | null,
    to: OwnerEntity,
    system: string | null,
    actor: Actor,
  ): Promise<SelectedIdentity[]> {
    const selected: SelectedIdentity[] = await manager.query(
      `SELECT identity_id, owner_id FROM identity_ownership
       WHERE identity_status <> 'DECOMMISSIONED' AND owner_id IS DISTINCT FROM $1
         AND ($2::uuid IS NULL OR owner_id = $2) AND ($3::text IS NULL OR lower(system) = lower($3))
       ORDER BY identity_id FOR UPDATE`,
      [to.id, fromOwnerId, system],
    );
    if (selected.length === 0) throw badInput('no identity matches this handoff (or they all belong to the receiver already)', 'input');
    assertActsOnIdentities(
      actor,
      await identityOwnerPaths(
        manager,
        selected.map((s) => s.identity_id),
      ),
      'hand off identities',
    );
    const busy: Array<{ identity_id: string }> = await manager.query(
      `SELECT i.identity_id FROM handoff_items i JOIN handoffs h ON h.id = i.handoff_id
       WHERE h.status = 'REQUESTED' AND i.identity_id = ANY($1::uuid[])`,
      [selected.map((s) => s.identity_id)],
    );
    if (busy.length > 0) {
      throw conflict(`${busy.length} of these identities are already in a handoff waiting for acceptance; settle that one first`, 'input');
    }
    return selected;
  }

  /** Only the receiving owner (or someone acting for one of its teams) decides a handoff, or a security-admin. */
  private async assertReceiver(manager: EntityManager, handoff: HandoffEntity, actor: Actor, action: string): Promise<void> {
    const path = (await ownerPaths(manager, [handoff.toOwnerId])).get(handoff.toOwnerId) ?? [];
    assertActsForOwner(actor, { ref: path[0] ?? handoff.toOwnerId, path }, action);
  }

  private async lockRequested(manager: EntityManager, id: string): Promise<HandoffEntity> {
    const handoff = await manager.getRepository(HandoffEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!handoff) throw notFound('no handoff has this id', 'id');
    if (handoff.status !== 'REQUESTED') {
      throw conflict(
        `this handoff was already ${handoff.status.toLowerCase()} by ${handoff.decidedBy} at ${handoff.decidedAt?.toISOString()}`,
        'id',
      );
    }
    return handoff;
  }

  /** One event per identity: events are keyed by identity, so each stays in order with the rest of that identity's. */
  private async publish<T extends 'nhi.handoff.requested' | 'nhi.handoff.completed' | 'nhi.handoff.declined'>(
    manager: EntityManager,
    type: T,
    handoff: HandoffEntity,
    items: ReadonlyArray<{ identityId: string; fromOwnerId: string | null }>,
    actor: Actor,
    at: Date,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const events = items.map(
      (item) =>
        ({
          type,
          subject: item.identityId,
          data: {
            handoffId: handoff.id,
            identityId: item.identityId,
            fromOwnerId: item.fromOwnerId,
            toOwnerId: handoff.toOwnerId,
            actor: actor.sub,
            at: at.toISOString(),
            ...extra,
          },
        }) as unknown as OutboxEventInput<EventType>,
    );
    await this.outbox.enqueueMany(manager, events);
  }
}
