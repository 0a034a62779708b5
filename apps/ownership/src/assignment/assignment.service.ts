import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { timeOrderedUuid, type AssignmentVia, type OwnershipOrphanedData } from '@nhi/contracts';
import { OutboxService } from '@nhi/messaging';
import type { OwnerEntity } from '../owner-data/owner.entity';
import { ownerPaths } from '../owner-data/owner-paths';
import { OWNERSHIP_CONFIG, OwnershipConfig } from '../ownership-config';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnerRole } from '../identity-data/ownership-status';

/** Who changes ownership, why and when: recorded on every change. */
export interface ChangeContext {
  actor: string;
  reason: string | null;
  at: Date;
}

type HistoryChange = 'ASSIGNED' | 'UNASSIGNED' | 'ORPHANED';

/** Who takes a departing owner's identities when there is no backup. */
export interface Successor {
  owner: OwnerEntity;
  via: Extract<AssignmentVia, 'PARENT_TEAM' | 'TEAM_MERGE'>;
}

const DAY_MS = 86_400_000;

/**
 * The only code that changes who owns an identity. Each change updates the
 * identity's row, appends to ownership_history and enqueues its event, all in
 * the caller's transaction. Callers check the request first; this enforces the
 * invariants (one PRIMARY, a BACKUP that is someone else) by construction.
 */
@Injectable()
export class AssignmentService {
  /**
   * Owner paths already read in a transaction: a leaver, a merge or a new rule moves many identities to
   * the same owner in one transaction, and the owner tree does not change while it does. Keyed by the
   * transaction's manager, so nothing outlives it.
   */
  private readonly pathsInTransaction = new WeakMap<EntityManager, Map<string, string[]>>();

  constructor(
    private readonly outbox: OutboxService,
    @Inject(OWNERSHIP_CONFIG) private readonly config: OwnershipConfig,
  ) {}

  /** The parent team takes a departing owner's identities only when configured so (ORPHANS_TO_PARENT_TEAM). */
  parentSuccessor(parent: OwnerEntity | null): Successor | null {
    return parent && this.config.ORPHANS_TO_PARENT_TEAM ? { owner: parent, via: 'PARENT_TEAM' } : null;
  }

  async assign(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    owner: OwnerEntity,
    role: OwnerRole,
    via: AssignmentVia,
    change: ChangeContext,
  ): Promise<void> {
    if (role === 'PRIMARY') {
      // A backup who becomes the primary leaves the backup seat empty.
      if (row.backupOwnerId === owner.id) await this.unassign(manager, row, 'BACKUP', change);
      const previous = row.ownerId;
      Object.assign(row, {
        ownerId: owner.id,
        status: 'OWNED',
        orphanedAt: null,
        escalatedAt: null,
        revocationRequestedAt: null,
        updatedAt: change.at,
      });
      await this.record(manager, row, role, 'ASSIGNED', owner.id, previous, via, change);
      await this.assigned(manager, row, owner, role, previous, via, change);
    } else {
      const previous = row.backupOwnerId;
      Object.assign(row, { backupOwnerId: owner.id, updatedAt: change.at });
      await this.record(manager, row, role, 'ASSIGNED', owner.id, previous, via, change);
      await this.assigned(manager, row, owner, role, previous, via, change);
    }
  }

  async unassign(manager: EntityManager, row: IdentityOwnershipEntity, role: OwnerRole, change: ChangeContext): Promise<void> {
    const previous = role === 'PRIMARY' ? row.ownerId : row.backupOwnerId;
    if (!previous) return;
    if (role === 'PRIMARY') Object.assign(row, { ownerId: null, status: 'UNASSIGNED', updatedAt: change.at });
    else Object.assign(row, { backupOwnerId: null, updatedAt: change.at });
    await this.record(manager, row, role, 'UNASSIGNED', null, previous, null, change);
    await this.outbox.enqueue(manager, {
      type: 'nhi.ownership.unassigned',
      subject: row.identityId,
      data: {
        identityId: row.identityId,
        ownerId: previous,
        role,
        ownershipStatus: row.status,
        actor: change.actor,
        reason: change.reason,
        unassignedAt: change.at.toISOString(),
      },
    });
  }

  /**
   * The PRIMARY owner is leaving: its backup takes over, else the successor (the
   * parent team, when configured, or the team it merged into), else the
   * identity is an orphan with a grace period.
   */
  async rehome(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    backup: OwnerEntity | null,
    successor: Successor | null,
    cause: OwnershipOrphanedData['cause'],
    change: ChangeContext,
  ): Promise<'moved' | 'orphaned'> {
    if (backup?.active) {
      await this.assign(manager, row, backup, 'PRIMARY', 'BACKUP_PROMOTED', change);
      return 'moved';
    }
    if (successor?.owner.active) {
      await this.assign(manager, row, successor.owner, 'PRIMARY', successor.via, change);
      return 'moved';
    }
    await this.orphan(manager, row, cause, change);
    return 'orphaned';
  }

  private async orphan(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    cause: OwnershipOrphanedData['cause'],
    change: ChangeContext,
  ): Promise<void> {
    const previous = row.ownerId;
    if (!previous) return;
    Object.assign(row, { ownerId: null, status: 'ORPHANED', orphanedAt: change.at, updatedAt: change.at });
    await this.record(manager, row, 'PRIMARY', 'ORPHANED', null, previous, null, change);
    await this.outbox.enqueue(manager, {
      type: 'nhi.ownership.orphaned',
      subject: row.identityId,
      data: {
        identityId: row.identityId,
        previousOwnerId: previous,
        cause,
        actor: change.actor,
        orphanedAt: change.at.toISOString(),
        graceEndsAt: new Date(change.at.getTime() + this.config.ORPHAN_GRACE_DAYS * DAY_MS).toISOString(),
      },
    });
  }

  private async assigned(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    owner: OwnerEntity,
    role: OwnerRole,
    previous: string | null,
    via: AssignmentVia,
    change: ChangeContext,
  ): Promise<void> {
    await this.outbox.enqueue(manager, {
      type: 'nhi.ownership.assigned',
      subject: row.identityId,
      data: {
        identityId: row.identityId,
        ownerId: owner.id,
        ownerRef: owner.externalRef,
        ownerPath: await this.ownerPath(manager, owner),
        role,
        previousOwnerId: previous,
        via,
        ownershipStatus: row.status,
        actor: change.actor,
        reason: change.reason,
        assignedAt: change.at.toISOString(),
      },
    });
  }

  private async ownerPath(manager: EntityManager, owner: OwnerEntity): Promise<string[]> {
    const known = this.pathsInTransaction.get(manager) ?? new Map<string, string[]>();
    this.pathsInTransaction.set(manager, known);
    let path = known.get(owner.id);
    if (!path) {
      path = (await ownerPaths(manager, [owner.id])).get(owner.id) ?? [owner.externalRef];
      known.set(owner.id, path);
    }
    return path;
  }

  private async record(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    role: OwnerRole,
    kind: HistoryChange,
    ownerId: string | null,
    previousOwnerId: string | null,
    via: AssignmentVia | null,
    change: ChangeContext,
  ): Promise<void> {
    await manager.getRepository(IdentityOwnershipEntity).save(row);
    await manager.query(
      `INSERT INTO ownership_history (id, identity_id, role, change, owner_id, previous_owner_id, via, actor, reason, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [timeOrderedUuid(), row.identityId, role, kind, ownerId, previousOwnerId, via, change.actor, change.reason, change.at],
    );
  }
}
