import { Logger } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConsumerStats, PartitionLag } from '../consumer/consumer-stats';
import type { EventConsumer } from '../consumer/event-consumer';
import { describeError } from '../describe-error';
import { RefreshedAtMostEvery } from './refreshed-at-most-every';

/** The group's lag is read from the broker at most this often, however often Prometheus scrapes. */
export const LAG_MAX_AGE_MS = 15_000;

/**
 * The consumer group's lag per partition: committed offsets against high
 * watermarks, one admin session per LAG_MAX_AGE_MS at most. Every instance of
 * a service reports the whole group's lag (take the max across instances).
 */
export function registerConsumerLagMetrics(registry: Registry, stats: ConsumerStats, consumer: EventConsumer): void {
  const logger = new Logger('ConsumerMetrics');
  const lag = new RefreshedAtMostEvery<PartitionLag[]>(LAG_MAX_AGE_MS, () => stats.lag(consumer.status().topics));
  const readFailures = new Counter({
    name: 'nhi_consumer_lag_read_failures_total',
    help: "Scrapes that could not read the consumer group's lag from the broker",
    registers: [registry],
  });
  new Gauge({
    name: 'nhi_consumer_lag',
    help: 'Messages not yet committed by the consumer group, by topic and partition (read at most every 15 s)',
    labelNames: ['topic', 'partition'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const { topic, partition, lag: behind } of await lag.get()) this.set({ topic, partition: String(partition) }, behind);
      } catch (error) {
        // A scrape without lag series, not a failed scrape: the other figures matter most when the broker is away.
        readFailures.inc();
        logger.debug(`Could not read the consumer lag: ${describeError(error).message}`);
      }
    },
  });
}
