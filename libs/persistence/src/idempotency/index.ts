export * from './1767950000000-idempotency-keys';
export * from './idempotency-store';
