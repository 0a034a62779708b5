import { describeError } from '../describe-error';
import type { DeadLetterFailure } from './dead-letter-headers';

const MAX_ERROR_LENGTH = 4_000;

export interface DeadLetterRow {
  topic: string;
  partition: number;
  offset: string;
  messageKey: string | null;
  eventType: string | null;
  error: string;
  errorType: string;
  handler: string | null;
  attempts: number;
  failedAt: Date;
}

/** The event type named in a message, if it names one: what an operator sorts dead letters by. */
function eventTypeOf(value: Buffer | null): string | null {
  try {
    const type = (JSON.parse(value?.toString('utf8') ?? 'null') as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** What the service's dead_letters table keeps of one dead letter: where it was, its type and why it failed, not its payload. */
export function deadLetterRow(key: Buffer | null, value: Buffer | null, failure: DeadLetterFailure): DeadLetterRow {
  const { message, type } = describeError(failure.error);
  return {
    topic: failure.topic,
    partition: failure.partition,
    offset: failure.offset,
    messageKey: key?.toString('utf8').slice(0, 200) ?? null,
    eventType: eventTypeOf(value),
    error: message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message,
    errorType: type,
    handler: failure.handler ?? null,
    attempts: failure.attempts,
    failedAt: failure.failedAt,
  };
}
