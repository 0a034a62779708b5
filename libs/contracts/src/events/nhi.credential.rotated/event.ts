import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary: 'A credential was rotated: its new fingerprint and expiry, and when it is due again.',
};
