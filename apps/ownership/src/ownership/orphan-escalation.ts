import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { OWNERSHIP_CONFIG, OwnershipConfig } from '../ownership-config';

const BATCH = 500;

interface Orphan {
  identity_id: string;
  orphaned_at: Date;
}

/**
 * Orphans do not wait forever (OWASP NHI1): one that nobody re-owned within
 * ORPHAN_GRACE_DAYS is escalated, and one still without an owner
 * ORPHAN_REVOKE_AFTER_DAYS after that has its revocation requested from
 * lifecycle. Each step happens once per orphaning, and re-owning resets both.
 */
@Injectable()
export class OrphanEscalation extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OWNERSHIP_CONFIG) private readonly config: OwnershipConfig,
    private readonly outbox: OutboxService,
  ) {
    super('orphan escalation', config.DEADLINE_CHECK_INTERVAL_MS, new Logger('OrphanEscalation'));
  }

  /** Escalates and requests revocations that are due; returns how many of each. */
  async run(now = new Date()): Promise<{ escalated: number; revocationsRequested: number }> {
    let escalated = 0;
    let revocationsRequested = 0;
    // A batch per transaction, one instance at a time: a batch stamps what it took, so the next batch (here or on
    // another replica) takes the orphans after it, and nobody takes one twice.
    while (!this.stopping) {
      const done = await runExclusively(this.dataSource, 'nhi.orphan-escalation', async (manager) => ({
        escalated: await this.escalate(manager, now),
        revoked: await this.requestRevocations(manager, now),
      }));
      escalated += done?.escalated ?? 0;
      revocationsRequested += done?.revoked ?? 0;
      if (!done || (done.escalated < BATCH && done.revoked < BATCH)) break;
    }
    if (escalated + revocationsRequested > 0) {
      this.logger.log(`${escalated} orphans escalated, ${revocationsRequested} revocations requested`);
    }
    return { escalated, revocationsRequested };
  }

  private async escalate(manager: EntityManager, now: Date): Promise<number> {
    const orphans = await this.due(
      manager,
      `escalated_at IS NULL AND orphaned_at <= $1::timestamptz - make_interval(secs => $2::double precision * 86400)`,
      [now, this.config.ORPHAN_GRACE_DAYS],
      'escalated_at',
      now,
    );
    await this.outbox.enqueueMany(
      manager,
      orphans.map((orphan) => ({
        type: 'nhi.ownership.escalated' as const,
        subject: orphan.identity_id,
        data: {
          identityId: orphan.identity_id,
          reason: 'ORPHAN_GRACE_EXPIRED' as const,
          detail: `Orphaned since ${orphan.orphaned_at.toISOString()}; nobody took it within ${this.config.ORPHAN_GRACE_DAYS} days.`,
          since: orphan.orphaned_at.toISOString(),
          escalatedAt: now.toISOString(),
        },
      })),
    );
    return orphans.length;
  }

  private async requestRevocations(manager: EntityManager, now: Date): Promise<number> {
    const orphans = await this.due(
      manager,
      `revocation_requested_at IS NULL AND escalated_at <= $1::timestamptz - make_interval(secs => $2::double precision * 86400)`,
      [now, this.config.ORPHAN_REVOKE_AFTER_DAYS],
      'revocation_requested_at',
      now,
    );
    await this.outbox.enqueueMany(
      manager,
      orphans.map((orphan) => ({
        type: 'nhi.ownership.revocation-requested' as const,
        subject: orphan.identity_id,
        data: {
          identityId: orphan.identity_id,
          reason:
            `Orphaned since ${orphan.orphaned_at.toISOString()}, escalated, and still without an owner ` +
            `${this.config.ORPHAN_REVOKE_AFTER_DAYS} days later.`,
          orphanedAt: orphan.orphaned_at.toISOString(),
          requestedAt: now.toISOString(),
        },
      })),
    );
    return orphans.length;
  }

  /** Stamps up to BATCH orphans matching the condition, and returns them. */
  private due(manager: EntityManager, condition: string, values: unknown[], stamp: string, now: Date): Promise<Orphan[]> {
    // Selected through a CTE so the driver returns the rows (a bare UPDATE ... RETURNING comes back as [rows, count]).
    return manager.query(
      `WITH due AS (
         SELECT identity_id FROM identity_ownership
         WHERE status = 'ORPHANED' AND identity_status <> 'DECOMMISSIONED' AND ${condition}
         ORDER BY identity_id LIMIT ${BATCH} FOR UPDATE),
       stamped AS (
         UPDATE identity_ownership o SET ${stamp} = $${values.length + 1} FROM due
         WHERE o.identity_id = due.identity_id
         RETURNING o.identity_id, o.orphaned_at)
       SELECT * FROM stamped`,
      [...values, now],
    );
  }
}
