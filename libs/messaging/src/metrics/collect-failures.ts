import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { describeError } from '../describe-error';

const NAME = 'nhi_metrics_collect_failures_total';
const logger = new Logger('Metrics');

/** The registry's counter of failed readings, registered on first use: collectors call it when they register, so it is in every scrape. */
export function collectFailures(registry: Registry): Counter<'collector'> {
  return (
    (registry.getSingleMetric(NAME) as Counter<'collector'> | undefined) ??
    new Counter({
      name: NAME,
      help: 'Scrape-time readings that failed (the gauge kept its last value), by collector',
      labelNames: ['collector'],
      registers: [registry],
    })
  );
}

/**
 * Runs a collector that reads the database, and when the read fails (the
 * database is away) counts the failure instead of failing the whole scrape:
 * /metrics keeps answering with the process's figures and the gauge keeps
 * its last value, while the counter says it is stale (from the next scrape
 * on: collectors run side by side, so a scrape shows the failures before it).
 */
export async function collectOrCount(registry: Registry, collector: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (error) {
    collectFailures(registry).inc({ collector });
    logger.debug(`Could not read ${collector} for /metrics: ${describeError(error).message}`);
  }
}
