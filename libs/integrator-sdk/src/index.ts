export type * from './generated/event-data';
export * from './events';
export * from './topics';
export * from './validate';
export * from './answers';
export * from './fingerprint';
export * from './kafka-message';
export * from './read-request';
export * from './integrator';
