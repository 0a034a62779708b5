import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary: 'A revocation attempt failed or timed out; final when no attempt is left.',
};
