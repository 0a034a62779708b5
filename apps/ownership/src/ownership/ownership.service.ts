import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { badInput, conflict, notFound, reasonText } from '@nhi/graphql';
import { OwnerEntity } from '../owner-data/owner.entity';
import { AssignmentService } from '../assignment/assignment.service';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnerRole } from '../identity-data/ownership-status';

export interface AssignRequest {
  identityId: string;
  ownerId: string;
  role: OwnerRole;
  reason: string | null;
  /** Replace a PRIMARY owner the identity already has; without it that is refused. */
  replace: boolean;
}

export interface OwnershipChangeRow {
  id: string;
  identity_id: string;
  role: OwnerRole;
  change: 'ASSIGNED' | 'UNASSIGNED' | 'ORPHANED';
  owner_id: string | null;
  previous_owner_id: string | null;
  via: string | null;
  actor: string;
  reason: string | null;
  at: Date;
}

@Injectable()
export class OwnershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
  ) {}

  async assignOwner(request: AssignRequest, actor: Actor, now = new Date()): Promise<IdentityOwnershipEntity> {
    const reason = request.reason?.trim() || null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockIdentity(manager, request.identityId);
      const owner = await manager.getRepository(OwnerEntity).findOne({ where: { id: request.ownerId } });
      if (!owner) throw notFound('no owner has this ownerId', 'ownerId');
      if (!owner.active) {
        throw badInput(`this owner is inactive since ${owner.deactivatedAt?.toISOString()}; assign an active owner`, 'ownerId');
      }
      if (request.role === 'PRIMARY') {
        if (row.ownerId === owner.id) throw conflict('this owner is already the PRIMARY owner of the identity', 'ownerId');
        if (row.ownerId && !request.replace) {
          const current = await manager.getRepository(OwnerEntity).findOne({ where: { id: row.ownerId } });
          throw conflict(
            `the identity already has a PRIMARY owner, ${current?.name ?? 'another owner'}; ` +
              'an identity has exactly one: pass replace: true to replace it, or unassign it first',
            'role',
          );
        }
      } else {
        if (row.ownerId === owner.id) throw badInput('this owner is the PRIMARY owner; a BACKUP must be someone else', 'ownerId');
        if (row.backupOwnerId === owner.id) throw conflict('this owner is already the BACKUP owner of the identity', 'ownerId');
      }
      await this.assignments.assign(manager, row, owner, request.role, 'MANUAL', { actor: actor.sub, reason, at: now });
      return row;
    });
  }

  async unassignOwner(
    identityId: string,
    role: OwnerRole,
    reason: string,
    actor: Actor,
    now = new Date(),
  ): Promise<IdentityOwnershipEntity> {
    const why = reasonText(reason, 'reason', 'say why the identity loses its owner');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockIdentity(manager, identityId);
      if (!(role === 'PRIMARY' ? row.ownerId : row.backupOwnerId)) {
        throw conflict(`the identity has no ${role} owner to unassign`, 'role');
      }
      await this.assignments.unassign(manager, row, role, { actor: actor.sub, reason: why, at: now });
      return row;
    });
  }

  history(identityId: string): Promise<OwnershipChangeRow[]> {
    return this.dataSource.query(
      `SELECT id, identity_id, role, change, owner_id, previous_owner_id, via, actor, reason, at
       FROM ownership_history WHERE identity_id = $1 ORDER BY at, id`,
      [identityId],
    );
  }

  private async lockIdentity(manager: EntityManager, identityId: string): Promise<IdentityOwnershipEntity> {
    const row = await manager
      .getRepository(IdentityOwnershipEntity)
      .findOne({ where: { identityId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound("ownership knows no identity with this identityId; identities arrive from inventory's events", 'identityId');
    if (row.identityStatus === 'DECOMMISSIONED') throw badInput('the identity is decommissioned; it takes no owners', 'identityId');
    return row;
  }
}
