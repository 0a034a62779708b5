import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { DeadLetterPublisher } from './consumer/dead-letter-publisher';
import { EventConsumer } from './consumer/event-consumer';
import { EventDispatcher } from './consumer/event-dispatcher';
import { EventHandlerRegistry } from './consumer/event-handler-registry';
import { ConsumerStats } from './consumer/consumer-stats';
import { MessageProcessor } from './consumer/message-processor';
import { createKafkaClient, MESSAGING_KAFKA } from './kafka/kafka-client';
import { KafkaHealthIndicator } from './kafka/kafka-health.indicator';
import { MessagingProducer } from './kafka/messaging-producer';
import { TopicProvisioner } from './kafka/topic-provisioner';
import { MessagingLifecycle } from './messaging-lifecycle';
import { MESSAGING_OPTIONS, type MessagingModuleAsyncOptions, type MessagingOptions } from './messaging-options';
import { OutboxListener } from './outbox/outbox-listener';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { MessagingStatusService } from './status/messaging-status.service';

/**
 * Kafka for one service: transactional outbox and relay, idempotent consumers
 * with retries and dead-lettering, topic provisioning and a health indicator.
 * Needs the app's TypeORM DataSource (PersistenceModule); TypeORM's module is
 * global, so the order of the two imports does not matter.
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, TerminusModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: MESSAGING_KAFKA, inject: [MESSAGING_OPTIONS], useFactory: (o: MessagingOptions) => createKafkaClient(o) },
        MessagingProducer,
        TopicProvisioner,
        OutboxService,
        OutboxListener,
        OutboxRelay,
        EventHandlerRegistry,
        EventDispatcher,
        DeadLetterPublisher,
        MessageProcessor,
        ConsumerStats,
        EventConsumer,
        KafkaHealthIndicator,
        MessagingStatusService,
        MessagingLifecycle,
      ],
      exports: [
        MESSAGING_OPTIONS,
        OutboxService,
        OutboxRelay,
        TopicProvisioner,
        EventConsumer,
        ConsumerStats,
        KafkaHealthIndicator,
        MessagingStatusService,
      ],
    };
  }
}
