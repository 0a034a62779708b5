import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary: 'Lifecycle asked an integrator to rotate a credential (one attempt; a retry is a new request).',
};
