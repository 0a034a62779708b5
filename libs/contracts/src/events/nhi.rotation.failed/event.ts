import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.rotationResults,
  producer: 'integrator',
  summary: 'An integrator could not rotate the credential of a rotation request.',
};
