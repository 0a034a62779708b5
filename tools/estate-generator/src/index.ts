export * from './generate-estate';
export * from './random';
