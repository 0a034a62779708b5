import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.exceptionsEvents,
  producer: 'exceptions',
  summary: 'An exception reached expiresAt: the control is enforced again at once (lifecycle requests a rotation that fell due meanwhile).',
};
