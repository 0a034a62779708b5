import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob } from '@nhi/runtime';
import { identityStore } from '../identity-data/identity-store';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { FindingsService } from './findings.service';

const BATCH = 500;

/**
 * Time moves findings while nobody reports anything new: a key turns
 * KEY_MAX_AGE_DAYS old, an identity goes UNUSED_AFTER_DAYS without use. An
 * unchanged snapshot re-checks nothing, so this sweep reconciles every active
 * identity's findings on a timer, in batches, like an ingest does. Rules are
 * cheap; a batch costs one read of identities and one of open findings.
 */
@Injectable()
export class CredentialAgeSweep extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INVENTORY_CONFIG) config: InventoryConfig,
    private readonly findings: FindingsService,
  ) {
    super('credential age sweep', config.FINDINGS_SWEEP_INTERVAL_MS, new Logger('CredentialAgeSweep'));
  }

  /** Reconciles the findings of every active identity; returns how many findings opened. */
  async run(now = new Date()): Promise<number> {
    let opened = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        // One sweeper at a time across instances; the others skip this round.
        const [lock] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('nhi.credential-age-sweep')) AS locked`);
        if (!lock?.locked) return [];
        const rows: Array<{ id: string }> = await manager.query(
          `SELECT i.id FROM identities i WHERE i.status <> 'DECOMMISSIONED' AND i.id > $1 ORDER BY i.id LIMIT $2`,
          [after, BATCH],
        );
        if (rows.length > 0) {
          const result = await this.findings.reconcile(
            manager,
            {
              identities: await identityStore.findByIds(
                manager,
                rows.map((r) => r.id),
              ),
            },
            now,
          );
          opened += result.opened;
        }
        return rows;
      });
      const last = batch.at(-1);
      if (!last || batch.length < BATCH) break;
      after = last.id;
    }
    if (opened > 0) this.logger.log(`${opened} findings opened by the passing of time (age, rotation, use)`);
    return opened;
  }
}
