/**
 * Kafka topics of the platform. The integrator topics are a fixed public
 * contract (DESIGN.md): never rename them, add a new version instead.
 */
export const TOPICS = {
  rotationRequests: 'nhi.rotation.requests.v1',
  rotationResults: 'nhi.rotation.results.v1',
  revocationRequests: 'nhi.revocation.requests.v1',
  revocationResults: 'nhi.revocation.results.v1',
  inventoryEvents: 'nhi.inventory.events.v1',
  ownershipEvents: 'nhi.ownership.events.v1',
  lifecycleEvents: 'nhi.lifecycle.events.v1',
  exceptionsEvents: 'nhi.exceptions.events.v1',
  /** What the platform refused of an integrator's events, and why: the integrator's own alerting. */
  integrationFeedback: 'nhi.integration.feedback.v1',
  /** Every mutation and bulk ingest, for the audit log and the enterprise SIEM. */
  audit: 'nhi.audit.events.v1',
} as const;

/** Topics integrators write to: what arrives there is answered on the feedback topic when it is refused. */
export const INTEGRATOR_RESULT_TOPICS: readonly string[] = [TOPICS.rotationResults, TOPICS.revocationResults];

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

export const DLQ_SUFFIX = '.dlq';

/** Dead-letter topic of a topic: poison messages go there with the error attached. */
export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * Physical topic name. The prefix exists so that test runs and side-by-side
 * environments on one broker do not see each other's events; production leaves it empty.
 */
export function physicalTopic(topic: string, prefix = ''): string {
  return `${prefix}${topic}`;
}
