import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ConsumerStats, EventConsumer } from '@nhi/messaging';
import { ServiceMetrics } from '@nhi/runtime';

/**
 * What the metrics service adds to its GET /metrics (the process and its SQL
 * statements come with every service): events applied (and skipped, duplicated,
 * parked) per topic, failed handler attempts, the consumer group's lag per
 * partition, and parked events.
 */
@Injectable()
export class ConsumerMetrics {
  constructor(stats: ConsumerStats, consumer: EventConsumer, @InjectDataSource() dataSource: DataSource, metrics: ServiceMetrics) {
    const registry = metrics.registry;
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
      name: 'nhi_consumer_lag',
      help: 'Messages not yet committed by the consumer group, by topic and partition',
      labelNames: ['topic', 'partition'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { topic, partition, lag } of await stats.lag(consumer.status().topics))
          this.set({ topic, partition: String(partition) }, lag);
      },
    });
    new Gauge({
      name: 'nhi_parked_events',
      help: 'Events that could not be applied and were parked (dead-lettered), since the database was created',
      registers: [registry],
      async collect() {
        const [row] = await dataSource.query('SELECT count(*)::int AS count FROM dead_letters');
        this.set(row?.count ?? 0);
      },
    });
  }
}
