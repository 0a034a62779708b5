import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary: 'A credential was revoked; it is never rotated again.',
};
