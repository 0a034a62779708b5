export * from './database';
export * from './kafka';
export * from './events';
export * from './wait-for';
export * from './kafka-topic-tap';
export * from './kafka-test-client';
export * from './subgraph-under-test';
export * from './subgraph-spec';
