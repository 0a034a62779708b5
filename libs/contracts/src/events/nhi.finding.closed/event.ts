import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.inventoryEvents,
  producer: 'inventory',
  summary: 'A finding no longer holds for an identity.',
};
