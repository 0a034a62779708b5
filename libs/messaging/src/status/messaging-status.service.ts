import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventConsumerStatus } from '../consumer/event-consumer';
import { OutboxRelay, type OutboxRelayStatus } from '../outbox/outbox-relay';

export interface MessagingStatus {
  relay: OutboxRelayStatus;
  consumer: EventConsumerStatus;
}

/** An in-memory snapshot for status pages and logs: no database or broker round trip. */
@Injectable()
export class MessagingStatusService {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
  ) {}

  messagingStatus(): MessagingStatus {
    return { relay: this.relay.status(), consumer: this.consumer.status() };
  }
}
