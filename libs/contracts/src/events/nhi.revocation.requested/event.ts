import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.revocationRequests,
  producer: 'lifecycle',
  summary: 'The platform asks an integrator to revoke a credential before the deadline.',
};
