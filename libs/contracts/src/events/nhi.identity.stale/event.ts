import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.inventoryEvents,
  producer: 'inventory',
  summary: 'None of the sources of an identity reported it in their last full snapshots.',
};
