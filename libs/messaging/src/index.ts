export * from './messaging-options';
export * from './messaging.module';
export * from './tables/outbox-event.entity';
export * from './tables/inbox-event.entity';
export * from './tables/messaging-entities';
export * from './tables/1764201600000-messaging-tables';
export { OutboxService, type OutboxEventInput } from './outbox/outbox.service';
export { OutboxRelay, type OutboxRelayStatus } from './outbox/outbox-relay';
export { OUTBOX_CHANNEL } from './outbox/outbox-channel';
export { withOutboxTap } from './outbox/outbox-tap';
export {
  EventBatchHandler,
  EventHandler,
  type EventBatchHandlerFunction,
  type EventBatchHandlerOptions,
  type EventHandlerFunction,
  type ReceivedEventOf,
} from './consumer/event-handler.decorator';
export { EventConsumer, type EventConsumerStatus } from './consumer/event-consumer';
export { ConsumerStats, type PartitionLag } from './consumer/consumer-stats';
export { EventHandlerError } from './consumer/event-dispatcher';
export { TopicProvisioner, provisionedTopics } from './kafka/topic-provisioner';
export { KafkaHealthIndicator } from './kafka/kafka-health.indicator';
export { MESSAGING_KAFKA, kafkaClient, type KafkaClientOptions } from './kafka/kafka-client';
export { MessagingStatusService, type MessagingStatus } from './status/messaging-status.service';
export { retryDelayMs } from './timing/backoff';
export { deadLetterHeaders, type DeadLetterFailure } from './consumer/dead-letter-headers';
export { PRODUCER_CONFIG, ACKS_ALL } from './kafka/messaging-producer';
export { toTopicMessages, MAX_REQUEST_BYTES } from './outbox/outbox-messages';
export type { OutboxRow } from './outbox/outbox-store';
export { useGzipLevel } from './kafka/compression';
export * from './metrics';
