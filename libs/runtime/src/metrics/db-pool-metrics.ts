import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ServiceMetrics } from '../service-metrics';

/** What node-postgres's pool tells about itself (TypeORM's postgres driver keeps it as `master`). */
export interface PoolFigures {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** The pool behind a TypeORM postgres DataSource, or undefined before it connected (or for another driver). */
export function poolOf(dataSource: DataSource): PoolFigures | undefined {
  const pool = (dataSource.driver as { master?: Partial<PoolFigures> }).master;
  return typeof pool?.totalCount === 'number' ? (pool as PoolFigures) : undefined;
}

/** The database pool on /metrics, read from the pool's own counters at scrape time (no query). */
@Injectable()
export class DbPoolMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: ServiceMetrics) {
    const gauge = (name: string, help: string, read: (pool: PoolFigures) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [metrics.registry],
        collect() {
          const pool = poolOf(dataSource);
          const value = pool ? read(pool) : undefined;
          if (value !== undefined) this.set(value);
        },
      });
    gauge('nhi_db_pool_connections', 'Connections the database pool holds open (busy and idle)', (pool) => pool.totalCount);
    gauge('nhi_db_pool_idle_connections', 'Open connections in the pool waiting for work', (pool) => pool.idleCount);
    gauge(
      'nhi_db_pool_waiting_requests',
      'Queries waiting for a connection because the pool is at its maximum',
      (pool) => pool.waitingCount,
    );
    gauge('nhi_db_pool_max_connections', 'The most connections the pool may open', (pool) => pool.options?.max);
  }
}
