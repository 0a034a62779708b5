import type { IHeaders } from 'kafkajs';
import { describeError } from '../describe-error';

/** Kafka headers share the message's size budget; a runaway error text must not make the DLQ write fail. */
const MAX_ERROR_LENGTH = 4_000;

export interface DeadLetterFailure {
  /** Physical topic the message was read from. */
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  attempts: number;
  error: unknown;
  /** The handler that failed, when a handler (not the contract) was the problem. */
  handler?: string;
  failedAt: Date;
}

/** The original headers plus what an operator needs to understand and replay the failure. */
export function deadLetterHeaders(original: IHeaders | undefined, failure: DeadLetterFailure): IHeaders {
  const { message, type } = describeError(failure.error);
  const headers: IHeaders = {
    ...original,
    'x-error': message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message,
    'x-error-type': type,
    'x-original-topic': failure.topic,
    'x-original-partition': String(failure.partition),
    'x-original-offset': failure.offset,
    'x-consumer-group': failure.groupId,
    'x-failed-at': failure.failedAt.toISOString(),
    'x-attempts': String(failure.attempts),
  };
  if (failure.handler !== undefined) headers['x-handler'] = failure.handler;
  return headers;
}
