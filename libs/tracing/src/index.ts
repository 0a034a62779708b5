export * from './traceparent';
export * from './event-trace';
export * from './propagation';
export * from './export-settings';
export * from './start-tracing';
export * from './http-propagation';
