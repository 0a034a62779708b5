export * from './bootstrap';
export * from './free-text-secrets.interceptor';
export * from './health.controller';
export * from './logging';
export * from './subgraph.module';
export * from './periodic-task';
