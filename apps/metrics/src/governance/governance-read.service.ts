import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { METRICS_CONFIG, MetricsConfig } from '../metrics-config';
import { GovernanceReader } from './governance-reader';

/** Hands out readers of the governance read models. */
@Injectable()
export class GovernanceReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(METRICS_CONFIG) private readonly config: MetricsConfig,
  ) {}

  /**
   * Runs reads that are shown together on one snapshot of the read models. While events are being applied,
   * reads on separate connections can each see another moment: a total of three beside kinds that add up to two.
   */
  snapshot<T>(work: (read: GovernanceReader) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => work(new GovernanceReader(manager, this.config)));
  }
}
