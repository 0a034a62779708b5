import type { TopicMessages } from 'kafkajs';
import { CLOUDEVENTS_CONTENT_TYPE, physicalTopic } from '@nhi/contracts';
import type { OutboxRow } from './outbox-store';
import { traceHeaders } from '../tracing/trace-headers';

/** Most bytes of event values in one Kafka request: below the broker's default 1 MB message.max.bytes. */
export const MAX_REQUEST_BYTES = 512 * 1024;

/**
 * Kafka requests for outbox rows, in row order: each request groups its rows by
 * physical topic (kafkajs keeps that order within each partition) and carries at
 * most MAX_REQUEST_BYTES of values, except a single larger event, which goes alone.
 */
export function toTopicMessages(rows: readonly OutboxRow[], prefix: string, maxBytes = MAX_REQUEST_BYTES): TopicMessages[][] {
  const requests: TopicMessages[][] = [];
  let byTopic = new Map<string, TopicMessages>();
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(row.payload);
    if (bytes > 0 && bytes + size > maxBytes) {
      requests.push([...byTopic.values()]);
      byTopic = new Map();
      bytes = 0;
    }
    bytes += size;
    const topic = physicalTopic(row.topic, prefix);
    let group = byTopic.get(topic);
    if (!group) {
      group = { topic, messages: [] };
      byTopic.set(topic, group);
    }
    group.messages.push({
      key: row.message_key,
      value: row.payload,
      // Structured mode: the value is the whole event. ce_type/ce_id let tools route and trace without parsing it.
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: row.event_type, ce_id: row.id, ...traceHeaders(row) },
    });
  }
  if (byTopic.size > 0) requests.push([...byTopic.values()]);
  return requests;
}
