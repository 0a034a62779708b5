import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { describeError } from '../describe-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import type { ConsumedMessage } from './consumed-message';
import type { RegisteredEventHandler } from './event-handler-registry';
import { claimInboxEntry } from './inbox';
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
   * Applies several events (in order) in one transaction, each handler
   * claiming its inbox row as in dispatch(). One commit for the lot instead of
   * one per handler per event: on a platform where a round trip and a commit
   * cost more than a handler, that is most of the consumer's time. A failing
   * handler rolls all of them back and is reported as a RunItemError naming
   * the event, so the caller can apply those before it again and handle that
   * one alone.
   */
  async dispatchAll(
    items: ReadonlyArray<{ event: ReceivedEvent; handlers: readonly RegisteredEventHandler[]; origin: ConsumedMessage }>,
  ): Promise<number[]> {
    return this.dataSource.transaction(async (manager) => {
      const applied: number[] = [];
      for (const [index, { event, handlers, origin }] of items.entries()) {
        let count = 0;
        for (const handler of handlers) {
          try {
            if (await this.apply(manager, event, handler, origin)) count += 1;
          } catch (error) {
            // A handler's failure names the event; anything else (the inbox claim) fails the run as it is.
            throw error instanceof EventHandlerError ? new RunItemError(index, error) : error;
          }
        }
        applied.push(count);
      }
      return applied;
    });
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
    const claimed = await claimInboxEntry(manager, {
      eventSource: event.source,
      eventId: event.id,
      consumer: inboxConsumerName(this.options.groupId, handler.name),
      topic: origin.topic,
      partition: origin.partition,
      offset: origin.message.offset,
      eventType: event.type,
    });
    if (!claimed) return false;
    try {
      await handler.handle(event, manager);
    } catch (error) {
      throw new EventHandlerError(handler.name, error);
    }
    return true;
  }
}
