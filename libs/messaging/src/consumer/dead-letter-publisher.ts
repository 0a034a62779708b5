import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TopicMessages } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dlqTopic } from '@nhi/contracts';
import { MessagingProducer } from '../kafka/messaging-producer';
import { describeError } from '../describe-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { retryDelayMs } from '../timing/backoff';
import { sleepWithHeartbeat } from '../timing/sleep';
import type { ConsumedMessage, ProcessingContext } from './consumed-message';
import { deadLetterHeaders } from './dead-letter-headers';
import { deadLetterRow, type DeadLetterRow } from './dead-letter-record';
import { integrationFeedback } from './integration-feedback';

const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 30_000;

export interface ProcessingFailure {
  error: unknown;
  attempts: number;
  handler?: string;
}

/**
 * Moves a message that cannot be applied to `<topic>.dlq`, unchanged but for the
 * failure headers, and tells the integrator on the feedback topic (and the audit log) when it sent it.
 */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    private readonly producer: MessagingProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Resolves only once the broker has the dead letter: the caller commits the
   * offset after this, so giving up here would lose the message. While Kafka
   * is down it keeps trying (and heartbeating) until it succeeds or shuts down.
   */
  async publish(consumed: ConsumedMessage, failure: ProcessingFailure, context: ProcessingContext): Promise<void> {
    const { topic, partition, message } = consumed;
    const details = { ...failure, topic, partition, offset: message.offset, groupId: this.options.groupId, failedAt: new Date() };
    const headers = deadLetterHeaders(message.headers, details);
    const deadLetter: TopicMessages[] = [{ topic: dlqTopic(topic), messages: [{ key: message.key, value: message.value, headers }] }];
    // The integrator hears of it in the same write: it may not read our dead-letter topics.
    deadLetter.push(...integrationFeedback({ consumed, error: failure.error }, this.options, details.failedAt));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.producer.send(deadLetter);
        await this.record(deadLetterRow(message.key, message.value, details));
        return;
      } catch (error) {
        const delay = retryDelayMs(attempt, RETRY_BASE_MS, RETRY_CAP_MS);
        this.logger.error(
          `Could not write ${topic}[${partition}]@${message.offset} to ${dlqTopic(topic)} (attempt ${attempt}): ` +
            `${describeError(error).message}. Its offset stays uncommitted; retrying in ${delay} ms`,
        );
        await sleepWithHeartbeat(delay, context.heartbeat, context.signal);
      }
    }
  }

  /** Keeps the dead letter visible in the service's own database; the DLQ topic has it already, so a failure here only warns. */
  private async record(row: DeadLetterRow): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO dead_letters (topic, partition, "offset", message_key, event_type, error, error_type, handler, attempts, failed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ON CONSTRAINT dead_letters_message DO NOTHING`,
        [
          row.topic,
          row.partition,
          row.offset,
          row.messageKey,
          row.eventType,
          row.error,
          row.errorType,
          row.handler,
          row.attempts,
          row.failedAt,
        ],
      );
    } catch (error) {
      this.logger.warn(`Could not record the dead letter ${row.topic}[${row.partition}]@${row.offset}: ${describeError(error).message}`);
    }
  }
}
