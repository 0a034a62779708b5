import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.rotationResults,
  producer: 'integrator',
  summary: 'An integrator rotated the credential of a rotation request.',
};
