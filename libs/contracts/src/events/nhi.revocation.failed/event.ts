import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.revocationResults,
  producer: 'integrator',
  summary: 'An integrator could not revoke the credential of a revocation request.',
};
