import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventConsumer } from './consumer/event-consumer';
import { MessagingProducer } from './kafka/messaging-producer';
import { TopicProvisioner } from './kafka/topic-provisioner';
import { OutboxRelay } from './outbox/outbox-relay';

/** Starts and stops the messaging pieces in the one order that is safe. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly topics: TopicProvisioner,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly producer: MessagingProducer,
  ) {}

  /** Topics first: neither relay nor consumer may run into a topic that does not exist yet. */
  async onApplicationBootstrap(): Promise<void> {
    await this.topics.ensureTopics();
    this.relay.start();
    await this.consumer.start();
  }

  /**
   * Before, not on, shutdown: TypeORM closes the DataSource in its own
   * onApplicationShutdown, and the relay's last batch and a running handler
   * still need it. New work stops first, then the producer they share goes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
  }
}
