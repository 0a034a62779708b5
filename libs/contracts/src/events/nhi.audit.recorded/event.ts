import { TOPICS } from '../../topics';
import type { EventMetadata } from '../event-metadata';

export const event: EventMetadata = {
  topic: TOPICS.audit,
  producer: 'every service',
  summary:
    'An audit record: a GraphQL mutation or a bulk ingest, whatever its outcome (SUCCEEDED, FORBIDDEN, REJECTED, FAILED), with actor, roles, time, service, targets and redacted inputs. Metrics keeps them append-only; a SIEM may subscribe.',
};
