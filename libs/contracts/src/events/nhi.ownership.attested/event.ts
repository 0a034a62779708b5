import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An owner decided about an identity in an attestation campaign: keep it, not mine, or decommission it (inventory acts on that).',
};
