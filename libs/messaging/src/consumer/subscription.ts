import { EVENT_TYPES, physicalTopic, type EventType } from '@nhi/contracts';

/** The physical topics that carry the given event types, each once. */
export function subscribedTopics(eventTypes: readonly EventType[], prefix: string): string[] {
  return [...new Set(eventTypes.map((type) => physicalTopic(EVENT_TYPES[type].topic, prefix)))];
}

/** Kafka commits the offset of the next message to read, not of the one just processed. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** The inbox consumer of a handler: one service's handlers never shadow another's. */
export function inboxConsumerName(groupId: string, handlerName: string): string {
  return `${groupId}:${handlerName}`;
}
