import type { TopicName } from '../topics';

/** What an event's folder says besides its schema: where it is published, by whom, and what it means. */
export interface EventMetadata {
  topic: TopicName;
  /** The service that publishes it, or `integrator` for results coming back from connectors. */
  producer: 'inventory' | 'ownership' | 'lifecycle' | 'exceptions' | 'metrics' | 'integrator' | 'every service';
  summary: string;
}
