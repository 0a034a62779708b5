export * from './redaction';
export * from './target-ids';
export * from './audit-outcome';
export * from './audit-recorder';
export * from './audit.plugin';
export * from './audit-scope';
export * from './audit-scope.interceptor';
export * from './audit-in-transaction';
