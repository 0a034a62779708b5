import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { describeError } from '../describe-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import type { ConsumedMessage } from './consumed-message';
import type { RegisteredEventHandler } from './event-handler-registry';
import { claimInboxEntries, claimInboxEntry, type InboxEntry } from './inbox';
import { inboxConsumerName } from './subscription';

/** A handler threw; `cause` is what it threw. */
export class EventHandlerError extends Error {
  override readonly name = 'EventHandlerError';

  constructor(
    readonly handler: string,
    cause: unknown,
  ) {
    super(`${handler} failed: ${describeError(cause).message}`, { cause });
  }
}

/** One event of a run failed: which one (its index in the run), and what its handler threw. */
export class RunItemError extends Error {
  override readonly name = 'RunItemError';

  constructor(
    readonly index: number,
    readonly failure: EventHandlerError,
  ) {
    super(failure.message, { cause: failure });
  }
}

/** One event of a run, with the handlers of its type and where it was read. */
export interface RunItem {
  event: ReceivedEvent;
  handlers: readonly RegisteredEventHandler[];
  origin: ConsumedMessage;
}

/** Applies an event with its handlers, each exactly once however often the event arrives. */
@Injectable()
export class EventDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /**
   * One transaction per handler: a failing handler does not undo the others,
   * and a retry skips the handlers whose inbox row already committed.
   * Returns how many handlers applied the event now (0: a pure redelivery).
   */
  async dispatch(event: ReceivedEvent, handlers: readonly RegisteredEventHandler[], origin: ConsumedMessage): Promise<number> {
    let applied = 0;
    for (const handler of handlers) {
      if (await this.dataSource.transaction((manager) => this.apply(manager, event, handler, origin))) applied += 1;
    }
    return applied;
  }

  /**
   * Applies several events (in order) in one transaction: one statement
   * claims the inbox rows of every handler for every event, per-event
   * handlers run event by event, and each batch handler gets the events it
   * claimed in one call. A batch handler's events are handed over before any
   * later event's per-event handler runs, so every handler sees the effects
   * of every event before its own, as one at a time would (a run of a
   * topic whose frequent types all have batch handlers stays one call each).
   * One commit for the lot instead of one per handler per event. A per-event
   * handler's failure rolls all of them back and is reported as a
   * RunItemError naming the event; a batch handler's failure cannot name one
   * and is thrown as it is, and the caller applies the events one by one.
   */
  async dispatchAll(items: ReadonlyArray<RunItem>): Promise<number[]> {
    return this.dataSource.transaction(async (manager) => {
      const pairs = items.flatMap((item, index) => item.handlers.map((handler) => ({ index, item, handler })));
      const claimed = await claimInboxEntries(
        manager,
        pairs.map(({ item, handler }) => this.inboxEntry(item.event, handler, item.origin)),
      );
      const applied = items.map(() => 0);
      const pending = new Map<string, { handler: RegisteredEventHandler; events: ReceivedEvent[] }>();
      const flush = async () => {
        for (const { handler, events } of pending.values()) await this.applyBatch(manager, handler, events);
        pending.clear();
      };
      for (const [i, { index, item, handler }] of pairs.entries()) {
        if (!claimed[i]) continue;
        applied[index] += 1;
        if (handler.handleBatch) {
          const batch = pending.get(handler.name) ?? { handler, events: [] };
          batch.events.push(item.event);
          pending.set(handler.name, batch);
          continue;
        }
        // What batch handlers hold of earlier events is applied before a per-event handler can depend on it.
        await flush();
        try {
          await handler.handle(item.event, manager);
        } catch (error) {
          throw new RunItemError(index, new EventHandlerError(handler.name, error));
        }
      }
      await flush();
      return applied;
    });
  }

  private async applyBatch(manager: EntityManager, handler: RegisteredEventHandler, events: readonly ReceivedEvent[]): Promise<void> {
    try {
      await handler.handleBatch?.(events, manager);
    } catch (error) {
      throw new EventHandlerError(handler.name, error);
    }
  }

  private inboxEntry(event: ReceivedEvent, handler: RegisteredEventHandler, origin: ConsumedMessage): InboxEntry {
    return {
      eventSource: event.source,
      eventId: event.id,
      consumer: inboxConsumerName(this.options.groupId, handler.name),
      topic: origin.topic,
      partition: origin.partition,
      offset: origin.message.offset,
      eventType: event.type,
      ...(handler.formerName ? { formerConsumer: inboxConsumerName(this.options.groupId, handler.formerName) } : {}),
    };
  }

  /**
   * Claims the handler's inbox row for the event and, when it was not applied
   * before, applies the event in the caller's transaction. False for a redelivery;
   * a handler's failure becomes an EventHandlerError naming it.
   */
  private async apply(
    manager: EntityManager,
    event: ReceivedEvent,
    handler: RegisteredEventHandler,
    origin: ConsumedMessage,
  ): Promise<boolean> {
    const claimed = await claimInboxEntry(manager, this.inboxEntry(event, handler, origin));
    if (!claimed) return false;
    try {
      await handler.handle(event, manager);
    } catch (error) {
      throw new EventHandlerError(handler.name, error);
    }
    return true;
  }
}
