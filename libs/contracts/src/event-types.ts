import type { TopicName } from './topics';
import { EVENT_FOLDERS, type EventType } from './events';
import type { EventMetadata } from './events/event-metadata';

export interface EventTypeDefinition extends EventMetadata {
  type: EventType;
  topic: TopicName;
  schema: { $id: string } & Record<string, unknown>;
}

/**
 * The catalogue of every event on the platform, built from the event folders
 * (src/events/<type>: schema.json, event.ts): one place that topic, producer and schema agree.
 */
export const EVENT_TYPES: Readonly<Record<EventType, EventTypeDefinition>> = Object.fromEntries(
  Object.entries(EVENT_FOLDERS).map(([type, folder]) => [type, { type: type as EventType, ...folder }]),
) as Record<EventType, EventTypeDefinition>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

export function eventTypesOnTopic(topic: string): EventTypeDefinition[] {
  return Object.values(EVENT_TYPES).filter((definition) => definition.topic === topic);
}
