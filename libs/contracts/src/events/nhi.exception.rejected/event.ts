import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.exceptionsEvents,
  producer: 'exceptions',
  summary: 'An exception was rejected: the control stays enforced.',
};
