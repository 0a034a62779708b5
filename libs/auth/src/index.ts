export * from './actor';
export * from './actor-header';
export * from './jwt-verifier';
export * from './dev-keys';
export * from './actor.middleware';
export * from './current-actor.decorator';
export * from './jwt-verifier-from-config';
export * from './request-authenticator';
