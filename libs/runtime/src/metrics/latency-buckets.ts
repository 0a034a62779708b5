/** Request latencies, from a cached read to a slow bulk call: the same buckets for HTTP and GraphQL, so panels compare. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
