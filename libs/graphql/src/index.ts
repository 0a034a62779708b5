export * from './subgraph-graphql.module';
export * from './request-loader';
export * from './print-sdl';
export * from './generated-file';
export * from './sdl-command';
export * from './pagination';
export * from './graphql-error.filter';
export * from './value-free-errors';
