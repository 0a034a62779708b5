import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.inventoryEvents,
  producer: 'inventory',
  summary: 'A risk mapped to the OWASP NHI Top 10 now holds for an identity.',
};
