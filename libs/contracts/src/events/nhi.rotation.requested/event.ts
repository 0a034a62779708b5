import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.rotationRequests,
  producer: 'lifecycle',
  summary: 'The platform asks an integrator to rotate a credential before the deadline.',
};
