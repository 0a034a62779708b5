export * from './database';
export * from './kafka';
