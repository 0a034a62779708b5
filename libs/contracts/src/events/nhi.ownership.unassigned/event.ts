import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An identity lost its PRIMARY or BACKUP owner and nobody took the role.',
};
