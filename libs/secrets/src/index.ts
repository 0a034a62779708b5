export * from './secret-detector';
export * from './secret-fields';
