import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConsumerStats, EventConsumer, OutboxRelay, registerConsumerMetrics, registerOutboxMetrics } from '@nhi/messaging';
import { ServiceMetrics } from '../service-metrics';

/** A subgraph's outbox and consumer on its /metrics (the collectors live with the messaging they measure). */
@Injectable()
export class MessagingMetrics {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    relay: OutboxRelay,
    stats: ConsumerStats,
    consumer: EventConsumer,
    metrics: ServiceMetrics,
  ) {
    registerOutboxMetrics(metrics.registry, dataSource, relay);
    registerConsumerMetrics(metrics.registry, stats, consumer, dataSource);
  }
}
