import type { IntegratorResult } from './events';

export const CLOUDEVENTS_JSON = 'application/cloudevents+json';

/** The CloudEvents Kafka binding's two ways to carry an event. */
export type ContentMode = 'structured' | 'binary';

export interface ResultMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * An event as a Kafka message, keyed by the identity (`data.nhiId`) so one
 * identity's events stay in order. Structured: the whole event is the value.
 * Binary: the attributes are `ce_*` headers and the data is the value.
 */
export function toKafkaMessage(event: IntegratorResult, mode: ContentMode = 'structured'): ResultMessage {
  const key = event.data.nhiId;
  if (mode === 'structured') return { key, value: JSON.stringify(event), headers: { 'content-type': CLOUDEVENTS_JSON } };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(event)) {
    if (name !== 'data' && name !== 'datacontenttype' && value !== undefined) headers[`ce_${name}`] = String(value);
  }
  return { key, value: JSON.stringify(event.data), headers };
}
