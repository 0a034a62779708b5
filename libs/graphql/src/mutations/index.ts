export * from './user-error';
export * from './mutation-payload';
