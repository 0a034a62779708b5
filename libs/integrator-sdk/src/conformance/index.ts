export * from './conformance-case';
export * from './conformance-cases';
export * from './conformance-checks';
export * from './report-table';
export * from './run-conformance';
