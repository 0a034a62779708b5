import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ConsumerStats } from '../consumer/consumer-stats';
import type { EventConsumer } from '../consumer/event-consumer';
import { collectFailures, collectOrCount } from './collect-failures';
import { registerConsumerLagMetrics } from './consumer-lag-metrics';

/**
 * The consumer on /metrics: events read per topic and outcome, failed handler
 * attempts, the group's lag per partition (consumer-lag-metrics), whether it
 * is running, and the events this service parked (its dead_letters rows, which
 * stay small: only poison is there).
 */
export function registerConsumerMetrics(registry: Registry, stats: ConsumerStats, consumer: EventConsumer, dataSource: DataSource): void {
  collectFailures(registry);
  registerConsumerLagMetrics(registry, stats, consumer);
  new Counter({
    name: 'nhi_consumer_events_total',
    help: 'Events read, by topic and outcome (applied, duplicate, no-handler, dead-lettered)',
    labelNames: ['topic', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [topic, outcomes] of stats.outcomes) for (const [outcome, count] of outcomes) this.inc({ topic, outcome }, count);
    },
  });
  new Counter({
    name: 'nhi_consumer_failed_attempts_total',
    help: 'Handler attempts that threw, by topic (each retry counts)',
    labelNames: ['topic'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [topic, count] of stats.failedAttempts) this.inc({ topic }, count);
    },
  });
  new Gauge({
    name: 'nhi_consumer_running',
    help: "1 while this instance's consumer is in its group and consuming, else 0",
    registers: [registry],
    collect() {
      this.set(consumer.status().running ? 1 : 0);
    },
  });
  new Gauge({
    name: 'nhi_parked_events',
    help: 'Events this service could not apply and parked (dead-lettered), since its database was created',
    registers: [registry],
    async collect() {
      await collectOrCount(registry, 'dead_letters', async () => {
        const [row]: Array<{ count: number }> = await dataSource.query('SELECT count(*)::int AS count FROM dead_letters');
        this.set(row?.count ?? 0);
      });
    },
  });
}
