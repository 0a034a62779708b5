import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An identity lost its accountable owner (OWASP NHI1) and neither a backup nor a parent team took it; the grace period starts.',
};
