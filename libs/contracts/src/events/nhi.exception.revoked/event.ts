import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.exceptionsEvents,
  producer: 'exceptions',
  summary: 'An exception was withdrawn before its expiry: the control is enforced again at once.',
};
