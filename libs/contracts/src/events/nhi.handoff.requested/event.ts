import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An identity is part of a handoff (pilot to operations, team to team) waiting for the receiving owner to accept.',
};
