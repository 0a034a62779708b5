import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.integrationFeedback,
  producer: 'every service',
  summary:
    'An event an integrator sent was refused (not a CloudEvent, data against its schema, a result the platform cannot apply): where it was, its source and id, and what was wrong by field, never the values. Keyed like the refused message.',
};
