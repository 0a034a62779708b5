export * from './access-denied';
export * from './access-rules';
export * from './access.guard';
export * from './owner-scope';
