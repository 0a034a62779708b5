export * from './data-source-options';
export * from './ensure-database';
export * from './persistence.module';
export * from './nest-typeorm-logger';
export * from './planner-statistics';
export * from './append-only';
export * from './transaction';
export * from './statement-count';
