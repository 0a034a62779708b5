import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka, type Admin } from 'kafkajs';
import { withTimeout } from '../timing/with-timeout';
import { describeError } from '../describe-error';
import { EventConsumer } from '../consumer/event-consumer';
import { MESSAGING_KAFKA } from './kafka-client';

const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * Terminus indicator: up when the broker answers a cluster description in time
 * and this service's consumer has not crashed for good (a restart is the cure).
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly admin: Admin;

  constructor(
    @Inject(MESSAGING_KAFKA) kafka: Kafka,
    private readonly healthIndicatorService: HealthIndicatorService,
    private readonly consumer: EventConsumer,
  ) {
    // No retries: a health check answers now; the next probe is the retry.
    this.admin = kafka.admin({ retry: { retries: 0 } });
  }

  async isHealthy<const Key extends string>(key: Key, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const indicator = this.healthIndicatorService.check(key);
    const consumer = this.consumer.status();
    if (consumer.crashed) {
      return indicator.down({ message: `consumer group ${consumer.groupId} stopped after a crash: ${consumer.lastError}` });
    }
    try {
      const cluster = await withTimeout(this.describeCluster(), timeoutMs, `Kafka did not answer within ${timeoutMs} ms`);
      return indicator.up({ clusterId: cluster.clusterId, brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: describeError(error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin.disconnect();
  }

  private async describeCluster() {
    // connect() is a no-op while connected and reconnects after an outage.
    await this.admin.connect();
    return this.admin.describeCluster();
  }
}
