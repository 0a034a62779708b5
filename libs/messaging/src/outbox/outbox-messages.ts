import type { TopicMessages } from 'kafkajs';
import { CLOUDEVENTS_CONTENT_TYPE, physicalTopic, serializeEvent } from '@nhi/contracts';
import type { OutboxRow } from './outbox-store';

/**
 * Kafka messages for outbox rows, grouped by physical topic in row order
 * (kafkajs keeps that order within each partition).
 */
export function toTopicMessages(rows: readonly OutboxRow[], prefix: string): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    const topic = physicalTopic(row.topic, prefix);
    let group = byTopic.get(topic);
    if (!group) {
      group = { topic, messages: [] };
      byTopic.set(topic, group);
    }
    group.messages.push({
      key: row.message_key,
      value: serializeEvent(row.payload),
      // Structured mode: the value is the whole event. ce_type/ce_id let tools route and trace without parsing it.
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: row.payload.type, ce_id: row.payload.id },
    });
  }
  return [...byTopic.values()];
}
