import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.ownershipEvents,
  producer: 'ownership',
  summary: 'An orphan was not re-owned within its grace period, or an owner missed an attestation deadline.',
};
