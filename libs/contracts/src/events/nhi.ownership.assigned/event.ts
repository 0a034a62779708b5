import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An owner became accountable (PRIMARY) or backup for an identity: who, by what means, and the status that follows.',
};
