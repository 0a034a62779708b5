import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { OutboxRelay } from '../outbox/outbox-relay';
import { collectFailures, collectOrCount } from './collect-failures';
import { readOutboxBacklog } from './outbox-backlog';
import { publishedEvents } from './published-events';
import { RefreshedAtMostEvery } from './refreshed-at-most-every';

/**
 * The outbox on /metrics: what waits to be published and for how long (read
 * at scrape time, one cheap statement), what was published by topic and event
 * type, and whether the relay is failing right now.
 */
export function registerOutboxMetrics(registry: Registry, dataSource: DataSource, relay: OutboxRelay): void {
  collectFailures(registry);
  // Both gauges come from one reading per scrape.
  const reading = new RefreshedAtMostEvery(1_000, () => readOutboxBacklog(dataSource.manager));
  const backlog = () => reading.get();
  new Gauge({
    name: 'nhi_outbox_backlog',
    help: 'Outbox rows committed but not yet published to Kafka (exact up to 100,000, estimated beyond)',
    registers: [registry],
    async collect() {
      await collectOrCount(registry, 'outbox', async () => this.set((await backlog()).unsent));
    },
  });
  new Gauge({
    name: 'nhi_outbox_oldest_unsent_age_seconds',
    help: "Age of the relay's next unsent outbox row; 0 when the outbox is drained",
    registers: [registry],
    async collect() {
      await collectOrCount(registry, 'outbox', async () => this.set((await backlog()).oldestUnsentAgeSeconds));
    },
  });
  new Counter({
    name: 'nhi_outbox_published_events_total',
    help: "Events this process's relay published, by logical topic and event type",
    labelNames: ['topic', 'type'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { topic, type, count } of publishedEvents()) this.inc({ topic, type }, count);
    },
  });
  new Gauge({
    name: 'nhi_outbox_relay_consecutive_failures',
    help: 'Publish attempts in a row the relay could not complete (0 while Kafka takes its batches)',
    registers: [registry],
    collect() {
      this.set(relay.status().consecutiveFailures);
    },
  });
}
