import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.inventoryEvents,
  producer: 'inventory',
  summary: 'A sighting changed an identity: which fields, from what, to what, and the identity as it now is.',
};
