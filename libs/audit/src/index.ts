export * from './redaction';
export * from './target-ids';
export * from './audit-outcome';
export * from './audit-recorder';
export * from './audit.plugin';
