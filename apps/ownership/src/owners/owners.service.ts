import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { timeOrderedUuid, type OwnershipOrphanedData } from '@nhi/contracts';
import { badInput, conflict, notFound } from '@nhi/graphql';
import { AssignmentService, ChangeContext, Successor } from '../assignment/assignment.service';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnerInput } from './dto/owner.input';
import { OwnerEntity } from '../owner-data/owner.entity';
import { cleanEmail, cleanText, isEmail } from '../owner-data/owner-text';

function required(value: string | null | undefined, field: string, max: number): string {
  const text = cleanText(value) ?? '';
  if (!text) throw badInput(`${field} is required`, field);
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, field);
  return text;
}

export interface DeactivationResult {
  /** Identities whose PRIMARY owner this was that went to their backup or a successor team. */
  moved: number;
  /** Identities whose PRIMARY owner this was that nobody took. */
  orphaned: number;
  /** Identities where it was only the BACKUP: that seat is now empty. */
  backupsCleared: number;
}

/** Teams and people: created and updated by reference, deactivated with what that means for their identities. */
@Injectable()
export class OwnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
  ) {}

  async upsert(input: OwnerInput, actor: Actor, now = new Date()): Promise<OwnerEntity> {
    const externalRef = required(input.externalRef, 'externalRef', 200);
    const name = required(input.name, 'name', 200);
    const email = cleanEmail(input.email);
    if (email && !isEmail(email)) throw badInput('email is not an e-mail address (the value is not repeated)', 'email');
    const businessUnit = cleanText(input.businessUnit);
    return this.dataSource.transaction(async (manager) => {
      const owners = manager.getRepository(OwnerEntity);
      const existing = await owners.findOne({ where: { externalRef }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.kind !== input.kind) {
        throw badInput(`the owner with this externalRef is a ${existing.kind}; its kind cannot change`, 'kind');
      }
      const parentId = input.parentRef ? (await this.parentFor(manager, cleanText(input.parentRef) ?? '', existing)).id : null;
      const owner =
        existing ?? owners.create({ id: timeOrderedUuid(), externalRef, active: true, deactivatedAt: null, deactivationReason: null });
      Object.assign(owner, { kind: input.kind, name, email, businessUnit, parentId, updatedAt: now });
      await owners.save(owner);
      if (input.active === false && owner.active) {
        await this.deactivateIn(manager, owner, 'set inactive by upsertOwner', actor, now);
      } else if (input.active === true && !owner.active) {
        Object.assign(owner, { active: true, deactivatedAt: null, deactivationReason: null });
        await owners.save(owner);
      }
      return owner;
    });
  }

  async deactivate(ownerId: string, reason: string, actor: Actor, now = new Date()): Promise<OwnerEntity> {
    const why = required(reason, 'reason', 1000);
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.getRepository(OwnerEntity).findOne({ where: { id: ownerId }, lock: { mode: 'pessimistic_write' } });
      if (!owner) throw notFound('no owner has this ownerId', 'ownerId');
      if (!owner.active) {
        throw conflict(`this owner was already deactivated on ${owner.deactivatedAt?.toISOString()}`, 'ownerId');
      }
      await this.deactivateIn(manager, owner, why, actor, now);
      return owner;
    });
  }

  /**
   * Deactivates an owner in the caller's transaction. Where it was PRIMARY, the
   * backup takes over, else the parent team, else the identity is orphaned;
   * where it was BACKUP, the seat is cleared.
   */
  async deactivateIn(
    manager: EntityManager,
    owner: OwnerEntity,
    reason: string,
    actor: Actor,
    now: Date,
    cause: OwnershipOrphanedData['cause'] = owner.kind === 'TEAM' ? 'TEAM_REMOVED' : 'OWNER_DEACTIVATED',
    mergedInto: OwnerEntity | null = null,
  ): Promise<DeactivationResult> {
    Object.assign(owner, {
      active: false,
      deactivatedAt: now,
      deactivationReason: reason,
      mergedIntoId: mergedInto?.id ?? null,
      updatedAt: now,
    });
    await manager.getRepository(OwnerEntity).save(owner);
    const change: ChangeContext = { actor: actor.sub, reason: `${owner.name} left: ${reason}`, at: now };
    const identities = manager.getRepository(IdentityOwnershipEntity);
    const primaries = await identities.find({
      where: { ownerId: owner.id },
      order: { identityId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const backupIds = [...new Set(primaries.flatMap((row) => (row.backupOwnerId ? [row.backupOwnerId] : [])))];
    const related = await manager
      .getRepository(OwnerEntity)
      .find({ where: { id: In([...backupIds, ...(owner.parentId ? [owner.parentId] : [])]) } });
    const byId = new Map(related.map((o) => [o.id, o]));
    const successor: Successor | null = mergedInto
      ? { owner: mergedInto, via: 'TEAM_MERGE' }
      : this.assignments.parentSuccessor(owner.parentId ? (byId.get(owner.parentId) ?? null) : null);
    let orphaned = 0;
    for (const row of primaries) {
      const backup = row.backupOwnerId ? (byId.get(row.backupOwnerId) ?? null) : null;
      if ((await this.assignments.rehome(manager, row, backup, successor, cause, change)) === 'orphaned') orphaned += 1;
    }
    const backups = await identities.find({
      where: { backupOwnerId: owner.id },
      order: { identityId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const row of backups) await this.assignments.unassign(manager, row, 'BACKUP', change);
    return { moved: primaries.length - orphaned, orphaned, backupsCleared: backups.length };
  }

  byIds(ids: readonly string[]): Promise<OwnerEntity[]> {
    return this.dataSource.getRepository(OwnerEntity).find({ where: { id: In([...ids]) } });
  }

  /** The team named by parentRef, refusing a person, an unknown reference or a loop in the hierarchy. */
  async parentFor(manager: EntityManager, parentRef: string, child: OwnerEntity | null): Promise<OwnerEntity> {
    const parent = await manager.getRepository(OwnerEntity).findOne({ where: { externalRef: parentRef } });
    if (!parent) throw badInput('parentRef names no owner; create the team first', 'parentRef');
    if (parent.kind !== 'TEAM') throw badInput('parentRef names a PERSON; a parent must be a TEAM', 'parentRef');
    if (child) {
      const rows: Array<{ id: string }> = await manager.query(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM owners WHERE id = $1
           UNION SELECT o.id, o.parent_id FROM owners o JOIN up ON o.id = up.parent_id)
         SELECT id FROM up WHERE id = $2`,
        [parent.id, child.id],
      );
      if (rows.length > 0) throw badInput('parentRef names a team inside this owner, which would put the owner inside itself', 'parentRef');
    }
    return parent;
  }
}
