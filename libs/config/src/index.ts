export * from './config-error';
export * from './env-schema';
export * from './load-config';
export * from './service-config';
export * from './topic-partitions';
export * from './jwt-config';
