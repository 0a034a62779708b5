import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { runExclusively } from '@nhi/runtime';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { suspendedSql } from '../suspensions/suspensions';
import { RotationService } from './rotation.service';

const BATCH = 500;
const DAY_MS = 86_400_000;

interface DueRow {
  identity_id: string;
  /** An approved ROTATION exception is in force: no automatic rotation until it ends. */
  held?: boolean;
  next_rotation_due_at: Date;
  policy: string;
  auto_rotate: boolean;
  max_age_days: number;
}

/**
 * Time-driven lifecycle: a warning warnDays before an identity falls due, the
 * move to ROTATION_DUE (with a rotation request when its policy auto-rotates),
 * and EXPIRED once a credential passes its expiry. An approved ROTATION
 * exception holds the automatic request back until it ends (HeldEnforcement). Each runs once per due date
 * or expiry: one instance at a time across replicas, and a row is changed only
 * from the state it was read in (locked), so nothing is announced or requested twice.
 */
@Injectable()
export class DueRotations {
  private readonly logger = new Logger('DueRotations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly rotations: RotationService,
  ) {}

  async run(now = new Date()): Promise<{ warned: number; due: number; autoRotated: number; expired: number }> {
    const done = await runExclusively(this.dataSource, 'nhi.lifecycle.due-rotations', async (manager) => {
      const warned = await this.warn(manager, now);
      const { due, autoRotated } = await this.fallDue(manager, now);
      const expired = await this.expire(manager, now);
      if (due + expired > 0) this.logger.log(`${due} credentials fell due (${autoRotated} rotations requested), ${expired} expired`);
      return { warned, due, autoRotated, expired };
    });
    return done ?? { warned: 0, due: 0, autoRotated: 0, expired: 0 };
  }

  private async warn(manager: EntityManager, now: Date): Promise<number> {
    const rows: DueRow[] = await manager.query(
      `SELECT l.identity_id, l.next_rotation_due_at, p.name AS policy, p.auto_rotate, p.max_age_days
       FROM identity_lifecycle l JOIN rotation_policies p ON p.id = l.policy_id
       WHERE l.state = 'ACTIVE' AND l.next_rotation_due_at > $1
         AND l.next_rotation_due_at - make_interval(days => p.warn_days) <= $1
         AND l.warned_for IS DISTINCT FROM l.next_rotation_due_at
       ORDER BY l.identity_id LIMIT ${BATCH} FOR UPDATE OF l SKIP LOCKED`,
      [now],
    );
    for (const row of rows) {
      await manager.getRepository(IdentityLifecycleEntity).update({ identityId: row.identity_id }, { warnedFor: row.next_rotation_due_at });
    }
    await this.announce(manager, rows, true);
    return rows.length;
  }

  private async fallDue(manager: EntityManager, now: Date): Promise<{ due: number; autoRotated: number }> {
    const rows: DueRow[] = await manager.query(
      `SELECT l.identity_id, l.next_rotation_due_at, p.name AS policy, p.auto_rotate, p.max_age_days, ${suspendedSql('ROTATION')} AS held
       FROM identity_lifecycle l JOIN rotation_policies p ON p.id = l.policy_id
       WHERE l.state = 'ACTIVE' AND l.next_rotation_due_at <= $1
       ORDER BY l.identity_id LIMIT ${BATCH} FOR UPDATE OF l SKIP LOCKED`,
      [now],
    );
    let autoRotated = 0;
    for (const row of rows) {
      const identity = await manager.getRepository(IdentityLifecycleEntity).findOneOrFail({ where: { identityId: row.identity_id } });
      identity.state = 'ROTATION_DUE';
      if (row.auto_rotate && row.held) identity.rotationHeldSince = now;
      await manager.getRepository(IdentityLifecycleEntity).save(identity);
      if (row.auto_rotate && !row.held) {
        const overdueDays = Math.floor((now.getTime() - row.next_rotation_due_at.getTime()) / DAY_MS);
        const reason = `due under policy "${row.policy}" (max age ${row.max_age_days} days${overdueDays > 0 ? `, ${overdueDays} days overdue` : ''})`;
        if (await this.rotations.startIn(manager, identity, reason, now)) autoRotated += 1;
      }
    }
    await this.announce(manager, rows, false);
    return { due: rows.length, autoRotated };
  }

  private async expire(manager: EntityManager, now: Date): Promise<number> {
    const rows: Array<{ identity_id: string; expires_at: Date }> = await manager.query(
      `SELECT identity_id, expires_at FROM identity_lifecycle
       WHERE expired_at IS NULL AND expires_at <= $1 AND state NOT IN ('REVOKED', 'REVOKING')
       ORDER BY identity_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      [now],
    );
    for (const row of rows) {
      await manager.getRepository(IdentityLifecycleEntity).update({ identityId: row.identity_id }, { state: 'EXPIRED', expiredAt: now });
    }
    await this.outbox.enqueueMany(
      manager,
      rows.map((row) => ({
        type: 'nhi.credential.expired' as const,
        subject: row.identity_id,
        data: { identityId: row.identity_id, expiresAt: row.expires_at.toISOString(), expiredAt: now.toISOString() },
      })),
    );
    return rows.length;
  }

  private announce(manager: EntityManager, rows: readonly DueRow[], warning: boolean) {
    return this.outbox.enqueueMany(
      manager,
      rows.map((row) => ({
        type: 'nhi.credential.rotation-due' as const,
        subject: row.identity_id,
        data: {
          identityId: row.identity_id,
          dueAt: row.next_rotation_due_at.toISOString(),
          warning,
          policy: row.policy,
          autoRotate: row.auto_rotate,
        },
      })),
    );
  }
}
