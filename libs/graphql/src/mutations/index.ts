export * from './user-error';
export * from './mutation-input';
export * from './mutation-payload';
