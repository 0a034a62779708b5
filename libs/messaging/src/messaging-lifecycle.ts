import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventConsumer } from './consumer/event-consumer';
import { MessagingProducer } from './kafka/messaging-producer';
import { TopicProvisioner } from './kafka/topic-provisioner';
import { untilBrokerAnswers } from './kafka/until-broker-answers';
import { OutboxRelay } from './outbox/outbox-relay';

/** Starts and stops the messaging pieces in the one order that is safe. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  /** The consumer's stop, begun at the start of shutdown: how long it took, or its error for the later hook to throw. */
  private consumerStopped: Promise<number | Error> | undefined;
  private started = false;

  constructor(
    private readonly topics: TopicProvisioner,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly producer: MessagingProducer,
  ) {}

  /**
   * Topics first: neither relay nor consumer may run into a topic that does not exist yet. Both wait for a
   * broker that cannot be reached yet (one restarting while a replica starts).
   */
  async onApplicationBootstrap(): Promise<void> {
    await untilBrokerAnswers('creating the topics', () => this.topics.ensureTopics(), this.logger);
    this.relay.start();
    await untilBrokerAnswers('joining the consumer group', () => this.consumer.start(), this.logger);
    this.started = true;
  }

  /**
   * The first moment of shutdown (the signal, or onModuleDestroy), while
   * Apollo's drain answers the requests in flight (up to 10 s): the consumer
   * takes no new batch from here on, commits what it applied and leaves its
   * group, so its partitions go to another instance at once. Not awaited
   * here, so that neither waits for the other.
   */
  stopTakingWork(): void {
    // A signal during start-up: Nest's shutdown waits for it to finish, and onModuleDestroy comes then.
    if (this.started) this.consumerStopped ??= this.stopConsumer();
  }

  onModuleDestroy(): void {
    this.stopTakingWork();
  }

  /**
   * Before, not on, shutdown: TypeORM closes the DataSource in its own
   * onApplicationShutdown, and the relay's last batch and a running handler
   * still need it. By now the requests in flight are answered; the relay
   * publishes its batch in flight (rows written later wait in the outbox for
   * another instance's relay or the next start), then the producer goes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const consumer = await (this.consumerStopped ?? this.stopConsumer());
    if (consumer instanceof Error) throw consumer;
    const started = Date.now();
    await this.relay.stop();
    await this.producer.disconnect();
    this.logger.log(
      `stopped: the consumer committed and left its group in ${consumer} ms; relay and producer in ${Date.now() - started} ms`,
    );
  }

  /** How long the consumer took to stop, or why it could not. */
  private stopConsumer(): Promise<number | Error> {
    const started = Date.now();
    return this.consumer.stop().then(
      () => Date.now() - started,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  }
}
