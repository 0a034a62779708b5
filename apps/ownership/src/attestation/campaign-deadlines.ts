import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { OWNERSHIP_CONFIG, OwnershipConfig } from '../ownership-config';

interface Missed {
  identity_id: string;
  owner_id: string;
  campaign_id: string;
  name: string;
  deadline: Date;
}

/**
 * Closes campaigns at their deadline: every identity still without a decision
 * is escalated (an event each), and the campaign takes no more decisions. One
 * instance at a time across replicas; the next finds the campaigns CLOSED and
 * the items stamped, so each escalation happens once.
 */
@Injectable()
export class CampaignDeadlines extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OWNERSHIP_CONFIG) config: OwnershipConfig,
    private readonly outbox: OutboxService,
  ) {
    super('campaign deadlines', config.DEADLINE_CHECK_INTERVAL_MS, new Logger('CampaignDeadlines'));
  }

  /** Closes every campaign past its deadline; returns how many identities were escalated. */
  async run(now = new Date()): Promise<number> {
    const escalated = await runExclusively(this.dataSource, 'nhi.campaign-deadlines', async (manager) => {
      const due: Array<{ id: string }> = await manager.query(
        `SELECT id FROM attestation_campaigns WHERE status = 'OPEN' AND deadline <= $1 ORDER BY deadline FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (due.length === 0) return 0;
      const ids = due.map((c) => c.id);
      const missed: Missed[] = await manager.query(
        `WITH missed AS (
           UPDATE attestation_items i SET escalated_at = $2 FROM attestation_campaigns c
           WHERE c.id = i.campaign_id AND i.campaign_id = ANY($1::uuid[]) AND i.decision IS NULL AND i.escalated_at IS NULL
           RETURNING i.identity_id, i.owner_id, i.campaign_id, c.name, c.deadline)
         SELECT * FROM missed`,
        [ids, now],
      );
      await this.outbox.enqueueMany(
        manager,
        missed.map((item) => ({
          type: 'nhi.ownership.escalated' as const,
          subject: item.identity_id,
          data: {
            identityId: item.identity_id,
            reason: 'ATTESTATION_MISSED' as const,
            detail: `Owner ${item.owner_id} did not attest it in campaign "${item.name}" by ${item.deadline.toISOString()}.`,
            since: item.deadline.toISOString(),
            escalatedAt: now.toISOString(),
          },
        })),
      );
      await manager.query(`UPDATE attestation_campaigns SET status = 'CLOSED', closed_at = $2 WHERE id = ANY($1::uuid[])`, [ids, now]);
      this.logger.log(`${due.length} campaigns closed at their deadline; ${missed.length} identities without a decision escalated`);
      return missed.length;
    });
    return escalated ?? 0;
  }
}
