export * from './topics';
export * from './event-data';
export * from './event-types';
export * from './envelope';
export * from './validator';
export * from './contract-violation.error';
export * from './asyncapi';
export * from './time-ordered-uuid';
