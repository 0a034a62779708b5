import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.lifecycleEvents,
  producer: 'lifecycle',
  summary:
    'A mass rotation or revocation started: its selection, reason and actor, and how many identities it asked for, held and skipped.',
};
