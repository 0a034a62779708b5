import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary: 'A rotation attempt failed; final when no attempt is left and the owner must act.',
};
