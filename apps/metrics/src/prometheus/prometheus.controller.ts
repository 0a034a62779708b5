import { Controller, Get, Header } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ConsumerStats, EventConsumer } from '@nhi/messaging';

/**
 * GET /metrics: the metrics service itself, for Prometheus. Events applied
 * (and skipped, duplicated, parked) per topic, failed handler attempts, the
 * consumer group's lag per partition, parked events, and the process.
 */
@Controller('metrics')
export class PrometheusController {
  private readonly registry = new Registry();

  constructor(stats: ConsumerStats, consumer: EventConsumer, @InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'nhi_metrics_' });
    new Counter({
      name: 'nhi_consumer_events_total',
      help: 'Events read, by topic and outcome (applied, duplicate, no-handler, dead-lettered)',
      labelNames: ['topic', 'outcome'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [topic, outcomes] of stats.outcomes) for (const [outcome, count] of outcomes) this.inc({ topic, outcome }, count);
      },
    });
    new Counter({
      name: 'nhi_consumer_failed_attempts_total',
      help: 'Handler attempts that threw, by topic (each retry counts)',
      labelNames: ['topic'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [topic, count] of stats.failedAttempts) this.inc({ topic }, count);
      },
    });
    new Gauge({
      name: 'nhi_consumer_lag',
      help: 'Messages not yet committed by the consumer group, by topic and partition',
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { topic, partition, lag } of await stats.lag(consumer.status().topics))
          this.set({ topic, partition: String(partition) }, lag);
      },
    });
    new Gauge({
      name: 'nhi_parked_events',
      help: 'Events that could not be applied and were parked (dead-lettered), since the database was created',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query('SELECT count(*)::int AS count FROM dead_letters');
        this.set(row?.count ?? 0);
      },
    });
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
