export { ServiceMetricsModule } from './service-metrics.module';
export { DbPoolMetrics, poolOf } from './db-pool-metrics';
export { MessagingMetrics } from './messaging-metrics';
export { GraphQLMetricsPlugin } from './graphql-metrics.plugin';
export { BoundedLabel, OperationNames, OTHER } from './bounded-label';
export { LATENCY_BUCKETS_SECONDS } from './latency-buckets';
