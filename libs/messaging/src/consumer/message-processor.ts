import { Inject, Injectable, Logger } from '@nestjs/common';
import { ContractViolationError, parseEvent, type NhiEvent } from '@nhi/contracts';
import { describeError } from '../describe-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { retryDelayMs } from '../timing/backoff';
import { sleepWithHeartbeat } from '../timing/sleep';
import type { ConsumedMessage, ProcessingContext } from './consumed-message';
import { DeadLetterPublisher, type ProcessingFailure } from './dead-letter-publisher';
import { EventDispatcher, EventHandlerError } from './event-dispatcher';
import { ConsumerStats } from './consumer-stats';
import { EventHandlerRegistry } from './event-handler-registry';

/** Longest wait between two attempts, whatever the base and attempt count. */
const RETRY_CAP_MS = 30_000;

export type ProcessOutcome = 'applied' | 'duplicate' | 'no-handler' | 'dead-lettered';

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

  async process(consumed: ConsumedMessage, context: ProcessingContext): Promise<ProcessOutcome> {
    const outcome = await this.decide(consumed, context);
    this.stats.recordOutcome(consumed.topic, outcome);
    return outcome;
  }

  private async decide(consumed: ConsumedMessage, context: ProcessingContext): Promise<ProcessOutcome> {
    let event: NhiEvent;
    try {
      event = parseEvent(consumed.message.value);
    } catch (error) {
      // Retrying cannot fix a message that breaks the contract.
      return this.deadLetter(consumed, { error, attempts: 1 }, context);
    }
    const handlers = this.registry.handlersFor(event.type);
    // Topics carry several types; the ones this service does not handle are simply not its business.
    if (handlers.length === 0) return 'no-handler';

    for (let attempt = 1; ; attempt += 1) {
      try {
        const applied = await this.dispatcher.dispatch(event, handlers, consumed);
        return applied > 0 ? 'applied' : 'duplicate';
      } catch (error) {
        this.stats.recordFailedAttempt(consumed.topic);
        const failure = failureOf(error, attempt);
        if (failure.error instanceof ContractViolationError || attempt >= this.options.consumerMaxAttempts) {
          return this.deadLetter(consumed, failure, context);
        }
        const delay = retryDelayMs(attempt, this.options.consumerRetryBaseMs, RETRY_CAP_MS);
        this.logger.warn(
          `${event.type} ${event.id} failed (attempt ${attempt} of ${this.options.consumerMaxAttempts}): ` +
            `${describeError(error).message}; retrying in ${delay} ms`,
        );
        await sleepWithHeartbeat(delay, context.heartbeat, context.signal);
      }
    }
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
