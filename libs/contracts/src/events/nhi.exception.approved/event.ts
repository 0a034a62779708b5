import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.exceptionsEvents,
  producer: 'exceptions',
  summary: 'An exception was approved: the control is suspended for the identity until expiresAt (lifecycle stops enforcing it).',
};
