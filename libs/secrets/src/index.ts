export * from './secret-detector';
