import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEvent, EVENT_TYPES, type EventDataByType, type EventType, type NhiEvent } from '@nhi/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { tapEnqueued } from './outbox-tap';
import { inOutboxSpan } from '../tracing/outbox-span';
import type { EventTrace } from '@nhi/tracing';

export interface OutboxEventInput<T extends EventType> {
  type: T;
  /** The identity id; also the Kafka key, which keeps one identity's events in order. */
  subject: string;
  data: EventDataByType[T];
  time?: Date;
}

/** Records events in the caller's transaction: they are published if and only if the change commits. */
@Injectable()
export class OutboxService {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  /**
   * Validates the event against its contract (a broken event fails the caller's
   * transaction, never a consumer), stores it and wakes the relay at commit.
   */
  async enqueue<T extends EventType>(manager: EntityManager, input: OutboxEventInput<T>): Promise<NhiEvent<T>> {
    const [event] = await this.enqueueMany(manager, [input]);
    return event as NhiEvent<T>;
  }

  /**
   * The same for many events in one statement: bulk ingest records thousands per
   * transaction, and a round trip per event would be most of its cost. Order is kept.
   */
  async enqueueMany(manager: EntityManager, inputs: ReadonlyArray<OutboxEventInput<EventType>>): Promise<NhiEvent[]> {
    if (inputs.length === 0) return [];
    return inOutboxSpan(inputs.length, (eventTrace) => this.store(manager, inputs, eventTrace));
  }

  private async store(
    manager: EntityManager,
    inputs: ReadonlyArray<OutboxEventInput<EventType>>,
    eventTrace: EventTrace,
  ): Promise<NhiEvent[]> {
    const events = inputs.map((input) => createEvent({ source: this.options.serviceName, ...input, ...eventTrace }));
    // The events travel as one JSON array, parsed once by PostgreSQL, rather than as thousands of escaped strings.
    // One statement stores the events and wakes the relay at commit: on this platform a round trip costs more than either.
    await manager.query(
      `WITH stored AS (
         INSERT INTO outbox_events (id, topic, message_key, payload, traceparent, tracestate)
         SELECT (e.payload->>'id')::uuid, t.topic, e.payload->>'subject', e.payload, e.payload->>'traceparent', e.payload->>'tracestate'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(payload, n)
         JOIN unnest($2::text[]) WITH ORDINALITY AS t(topic, n) USING (n)
         ORDER BY n
         RETURNING 1)
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT count(*) FROM stored) AS done`,
      [JSON.stringify(events), events.map((e) => EVENT_TYPES[e.type].topic)],
    );
    tapEnqueued(events);
    return events;
  }
}
