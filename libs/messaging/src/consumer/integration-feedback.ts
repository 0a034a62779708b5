import type { TopicMessages } from 'kafkajs';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  ContractViolationError,
  createEvent,
  INTEGRATOR_RESULT_TOPICS,
  physicalTopic,
  serializeEvent,
  TOPICS,
  type IntegrationProblem,
  type IntegrationRejectedData,
} from '@nhi/contracts';
import { detectSecret } from '@nhi/secrets';
import { describeError } from '../describe-error';
import type { MessagingOptions } from '../messaging-options';
import type { ConsumedMessage } from './consumed-message';
import { auditOfRejection } from './integration-audit';
import { headerOrJsonAttribute } from './original-attributes';

const MAX_ATTRIBUTE = 512;
const MAX_PROBLEMS = 50;

export interface RefusedMessage {
  consumed: ConsumedMessage;
  error: unknown;
}

/**
 * For a message refused on a topic an integrator writes to: the
 * `nhi.integration.rejected` event that tells the integrator, and the audit
 * record of the refusal. Nothing for any other topic (the platform's own
 * events have an operator, not an integrator, to tell).
 */
export function integrationFeedback(refused: RefusedMessage, options: MessagingOptions, rejectedAt: Date): TopicMessages[] {
  const data = rejectionOf(refused, options, rejectedAt);
  if (!data) return [];
  const { consumed } = refused;
  const subject = repeatable(consumed.message.key?.toString() ?? null, 'key') ?? data.topic;
  const feedback = createEvent({ source: options.serviceName, type: 'nhi.integration.rejected', subject, data });
  const audit = createEvent({
    source: options.serviceName,
    type: 'nhi.audit.recorded',
    subject,
    data: auditOfRejection(data, refused.error, subject),
  });
  const headers = { 'content-type': CLOUDEVENTS_CONTENT_TYPE };
  return [
    {
      topic: physicalTopic(TOPICS.integrationFeedback, options.topicPrefix),
      messages: [{ key: consumed.message.key, value: serializeEvent(feedback), headers }],
    },
    { topic: physicalTopic(TOPICS.audit, options.topicPrefix), messages: [{ key: subject, value: serializeEvent(audit), headers }] },
  ];
}

/** What was refused and why, for a message on a topic integrators write to; undefined for any other topic. */
function rejectionOf(refused: RefusedMessage, options: MessagingOptions, rejectedAt: Date): IntegrationRejectedData | undefined {
  const { consumed, error } = refused;
  const topic = logicalTopic(consumed.topic, options.topicPrefix);
  if (!INTEGRATOR_RESULT_TOPICS.includes(topic)) return undefined;
  const { reason, problems } = reasonOf(error);
  return {
    topic,
    partition: consumed.partition,
    offset: consumed.message.offset,
    originalSource: repeatable(headerOrJsonAttribute(consumed.message, 'source'), 'source'),
    originalId: repeatable(headerOrJsonAttribute(consumed.message, 'id'), 'id'),
    originalType: repeatable(headerOrJsonAttribute(consumed.message, 'type'), 'type'),
    reason,
    problems,
    consumer: options.serviceName,
    rejectedAt: rejectedAt.toISOString(),
  };
}

function logicalTopic(topic: string, prefix: string): string {
  return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
}

/** An attribute is repeated back only when it is short, printable text that does not look like a secret. */
function repeatable(value: string | null, field: string): string | null {
  if (value === null || value.length === 0 || value.length > MAX_ATTRIBUTE) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) return null;
  return detectSecret(value, { field }) ? null : value;
}

/** The reason and each problem by field. Contract violations name paths and rules only; other failures are the handler's own words. */
function reasonOf(error: unknown): { reason: string; problems: IntegrationProblem[] } {
  if (!(error instanceof ContractViolationError)) return { reason: bounded(describeError(error).message, 1000), problems: [] };
  const problems = error.problems.slice(0, MAX_PROBLEMS).map((text) => {
    const space = text.indexOf(' ');
    return space < 0
      ? { field: '', problem: bounded(text, 500) }
      : { field: bounded(text.slice(0, space), 300), problem: bounded(text.slice(space + 1), 500) };
  });
  return { reason: bounded(error.reason, 1000), problems };
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text || 'refused';
}
