import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.inventoryEvents,
  producer: 'inventory',
  summary: 'A source reported an identity the inventory did not know; carries everything inventory knows of it.',
};
