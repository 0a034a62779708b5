export * from './csv-lines';
export * from './inputs';
export * from './json-arrays';
export * from './json-string-member';
export { BrokenJsonError, decodeUtf8, jsonTokenBatches } from './json-tokens';
export * from './json-value-builder';
export * from './row-limits';
export * from './times';
