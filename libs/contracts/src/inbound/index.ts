export * from './received-event';
export * from './kafka-record';
export * from './read-kafka-event';
