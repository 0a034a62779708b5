import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.exceptionsEvents,
  producer: 'exceptions',
  summary: 'Reminder that an approved exception expires within daysLeft days (EXCEPTION_REMINDER_DAYS).',
};
