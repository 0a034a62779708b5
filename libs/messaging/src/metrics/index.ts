export { registerOutboxMetrics } from './outbox-metrics';
export { registerConsumerMetrics } from './consumer-metrics';
export { LAG_MAX_AGE_MS } from './consumer-lag-metrics';
export { readOutboxBacklog, type OutboxBacklog } from './outbox-backlog';
export { publishedEvents } from './published-events';
export { RefreshedAtMostEvery } from './refreshed-at-most-every';
export { collectFailures, collectOrCount } from './collect-failures';
