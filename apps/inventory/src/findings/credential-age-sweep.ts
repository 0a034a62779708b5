import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { identityStore } from '../identity-data/identity-store';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { FindingsService } from './findings.service';

const BATCH = 500;

/**
 * Time moves findings while nobody reports anything new: a key turns
 * KEY_MAX_AGE_DAYS old, an identity goes UNUSED_AFTER_DAYS without use. An
 * unchanged snapshot re-checks nothing, so this sweep reconciles every active
 * identity's findings on a timer, in batches, like an ingest does. Rules are
 * cheap; a batch costs one read of identities and one of open findings. One
 * sweep at a time across replicas, for the whole sweep: its batches do not
 * change what the next one selects, so a second sweeper taking turns batch by
 * batch would start again from the first identity and redo the work.
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
    const opened = await runExclusively(this.dataSource, 'nhi.credential-age-sweep', () => this.sweep(now));
    if (opened) this.logger.log(`${opened} findings opened by the passing of time (age, rotation, use)`);
    return opened ?? 0;
  }

  /** Batches in transactions of their own, so a sweep of a large estate holds no finding locked for long. */
  private async sweep(now: Date): Promise<number> {
    let opened = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    while (!this.stopping) {
      const batch = await this.dataSource.transaction(async (manager) => {
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
    return opened;
  }
}
