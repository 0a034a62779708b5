export * from './import-row';
export * from './ingest-line';
export * from './registry';
