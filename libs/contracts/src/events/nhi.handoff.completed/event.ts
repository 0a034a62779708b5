import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'The receiving owner accepted: the identity moved to them.',
};
