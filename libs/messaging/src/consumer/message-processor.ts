import { Inject, Injectable, Logger } from '@nestjs/common';
import { ContractViolationError, readKafkaEvent, type ReceivedEvent } from '@nhi/contracts';
import { describeError } from '../describe-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { retryDelayMs } from '../timing/backoff';
import { sleepWithHeartbeat } from '../timing/sleep';
import type { ConsumedMessage, ProcessingContext, ProcessOutcome } from './consumed-message';
import { DeadLetterPublisher, type ProcessingFailure } from './dead-letter-publisher';
import { EventDispatcher, EventHandlerError, RunItemError, type RunItem } from './event-dispatcher';
import { ConsumerStats } from './consumer-stats';
import { isTransientDatabaseFailure } from '@nhi/persistence';
import { EventHandlerRegistry } from './event-handler-registry';

/** Longest wait between two attempts, whatever the base and attempt count. */
const RETRY_CAP_MS = 30_000;
/** Longest wait between two tries while the database is unreachable: short, so recovery is quick. */
const OUTAGE_CAP_MS = 5_000;

/** The failure a dead letter reports: what the handler threw, not our wrapper around it. */
function failureOf(error: unknown, attempts: number): ProcessingFailure {
  if (error instanceof EventHandlerError) return { error: error.cause, attempts, handler: error.handler };
  return { error, attempts };
}

/**
 * Decides what becomes of one message: applied (with retries), skipped, or
 * dead-lettered. Resolves only when the message may be committed.
 */
@Injectable()
export class MessageProcessor {
  private readonly logger = new Logger('EventConsumer');

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly registry: EventHandlerRegistry,
    private readonly dispatcher: EventDispatcher,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly stats: ConsumerStats,
  ) {}

  /**
   * Applies a run of one partition's messages in one transaction. When a
   * per-event handler fails, the events before it are applied again as a run,
   * the failing one goes through process() alone (its failed attempt counted:
   * retries, then the dead letter) and the rest continue as a run. When a
   * batch handler fails (it cannot say which event) or anything else does,
   * each message goes through process() alone, in order. A message that is
   * not a valid event is dead-lettered alone, in its place. Resolves when all
   * of them may be committed.
   */
  async processAll(messages: readonly ConsumedMessage[], context: ProcessingContext): Promise<void> {
    const items: RunItem[] = [];
    for (const [index, consumed] of messages.entries()) {
      let event: ReceivedEvent;
      try {
        event = readKafkaEvent(consumed.message);
      } catch {
        await this.processAll(messages.slice(0, index), context);
        await this.process(consumed, context);
        return this.processAll(messages.slice(index + 1), context);
      }
      items.push({ event, handlers: this.registry.handlersFor(event.type), origin: consumed });
    }
    if (items.length <= 1) {
      for (const consumed of messages) await this.process(consumed, context);
      return;
    }
    try {
      const applied = await this.dispatcher.dispatchAll(items);
      items.forEach((item, i) =>
        this.stats.recordOutcome(item.origin.topic, item.handlers.length === 0 ? 'no-handler' : applied[i] > 0 ? 'applied' : 'duplicate'),
      );
    } catch (error) {
      if (!(error instanceof RunItemError)) {
        // A batch handler, or not a handler (the database, a lost connection): each message on its own path, with its retries.
        for (const consumed of messages) await this.process(consumed, context);
        return;
      }
      this.stats.recordFailedAttempt(messages[error.index].topic);
      await this.processAll(messages.slice(0, error.index), context);
      await this.process(messages[error.index], context, error.failure);
      await this.processAll(messages.slice(error.index + 1), context);
    }
  }

  /** `failedBefore`: the failure of an attempt already made (in a run), which counts as the first. */
  async process(consumed: ConsumedMessage, context: ProcessingContext, failedBefore?: EventHandlerError): Promise<ProcessOutcome> {
    const outcome = await this.decide(consumed, context, failedBefore);
    this.stats.recordOutcome(consumed.topic, outcome);
    return outcome;
  }

  private async decide(consumed: ConsumedMessage, context: ProcessingContext, failedBefore?: EventHandlerError): Promise<ProcessOutcome> {
    let event: ReceivedEvent;
    try {
      event = readKafkaEvent(consumed.message);
    } catch (error) {
      // Retrying cannot fix a message that breaks the contract.
      return this.deadLetter(consumed, { error, attempts: 1 }, context);
    }
    const handlers = this.registry.handlersFor(event.type);
    // Topics carry several types; the ones this service does not handle are simply not its business.
    if (handlers.length === 0) return 'no-handler';

    let attempt = 1;
    let outages = 0;
    let failure: unknown = failedBefore;
    for (;;) {
      if (failure !== undefined) {
        if (isTransientDatabaseFailure(failure)) {
          // The database or a connection failed, not the message: it waits for them however long that takes.
          outages += 1;
          await this.waitOutOutage(consumed, event, failure, outages, context);
        } else {
          const decision = await this.afterFailure(consumed, event, failure, attempt, context);
          if (decision) return decision;
          attempt += 1;
        }
      }
      try {
        const applied = await this.dispatcher.dispatch(event, handlers, consumed);
        return applied > 0 ? 'applied' : 'duplicate';
      } catch (error) {
        this.stats.recordFailedAttempt(consumed.topic);
        failure = error;
      }
    }
  }

  /** A backoff that is not an attempt: the message stays where it is, blocking its partition, until the infrastructure is back. */
  private async waitOutOutage(
    consumed: ConsumedMessage,
    event: ReceivedEvent,
    error: unknown,
    outages: number,
    context: ProcessingContext,
  ) {
    const delay = retryDelayMs(outages, this.options.consumerRetryBaseMs, OUTAGE_CAP_MS);
    if (outages === 1 || outages % 10 === 0) {
      this.logger.warn(
        `${event.type} at ${consumed.topic}[${consumed.partition}]@${consumed.message.offset} could not be applied ` +
          `(${describeError(error).message}; ${outages} tries so far): the infrastructure failed, not the message, so it is not counted as an attempt; retrying in ${delay} ms`,
      );
    }
    await sleepWithHeartbeat(delay, context.heartbeat, context.signal);
  }

  /** After a failed attempt: dead-lettered (returned), or a backoff before the next attempt. */
  private async afterFailure(
    consumed: ConsumedMessage,
    event: ReceivedEvent,
    error: unknown,
    attempt: number,
    context: ProcessingContext,
  ): Promise<'dead-lettered' | undefined> {
    const failure = failureOf(error, attempt);
    if (failure.error instanceof ContractViolationError || attempt >= this.options.consumerMaxAttempts) {
      return this.deadLetter(consumed, failure, context);
    }
    const delay = retryDelayMs(attempt, this.options.consumerRetryBaseMs, RETRY_CAP_MS);
    this.logger.warn(
      // Where it sits, not its id: an integrator's id is its own free text.
      `${event.type} at ${consumed.topic}[${consumed.partition}]@${consumed.message.offset} failed (attempt ${attempt} of ${this.options.consumerMaxAttempts}): ` +
        `${describeError(error).message}; retrying in ${delay} ms`,
    );
    await sleepWithHeartbeat(delay, context.heartbeat, context.signal);
    return undefined;
  }

  private async deadLetter(consumed: ConsumedMessage, failure: ProcessingFailure, context: ProcessingContext): Promise<'dead-lettered'> {
    await this.deadLetters.publish(consumed, failure, context);
    const { topic, partition, message } = consumed;
    this.logger.error(
      `Dead-lettered ${topic}[${partition}]@${message.offset} after ${failure.attempts} attempt(s): ` +
        describeError(failure.error).message,
    );
    return 'dead-lettered';
  }
}
