import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob } from '@nhi/runtime';
import { identityStore } from '../identity-data/identity-store';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { FindingsService } from './findings.service';

const BATCH = 1000;

/**
 * Credentials age while nobody reports anything new about them: an unchanged
 * snapshot re-checks nothing, so a key that turns MAX_CREDENTIAL_AGE_DAYS old
 * today would wait for its next change to get its NHI7 finding. This sweep
 * looks for those on a timer and reconciles their findings like an ingest does.
 */
@Injectable()
export class CredentialAgeSweep extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly findings: FindingsService,
  ) {
    super('credential age sweep', config.FINDINGS_SWEEP_INTERVAL_MS, new Logger('CredentialAgeSweep'));
  }

  /** Opens the NHI7 age finding of every identity that has outgrown the maximum since it last changed; returns how many. */
  async run(now = new Date()): Promise<number> {
    let swept = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        // One sweeper at a time across instances; the others skip this round.
        const [lock] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('nhi.credential-age-sweep')) AS locked`);
        if (!lock?.locked) return [];
        const rows: Array<{ id: string }> = await manager.query(
          `SELECT i.id FROM identities i
           WHERE i.status <> 'DECOMMISSIONED' AND i.created_at <= $1::timestamptz - make_interval(days => $2 + 1) AND i.id > $3
             AND NOT EXISTS (SELECT 1 FROM identity_findings f
                             WHERE f.identity_id = i.id AND f.code = 'CREDENTIAL_TOO_OLD' AND f.closed_at IS NULL)
           ORDER BY i.id LIMIT $4`,
          [now, this.config.MAX_CREDENTIAL_AGE_DAYS, after, BATCH],
        );
        if (rows.length > 0) {
          await this.findings.reconcile(
            manager,
            {
              identities: await identityStore.findByIds(
                manager,
                rows.map((r) => r.id),
              ),
            },
            now,
          );
        }
        return rows;
      });
      swept += batch.length;
      const last = batch.at(-1);
      if (!last || batch.length < BATCH) break;
      after = last.id;
    }
    if (swept > 0) this.logger.log(`${swept} credentials outgrew ${this.config.MAX_CREDENTIAL_AGE_DAYS} days: NHI7 findings opened`);
    return swept;
  }
}
