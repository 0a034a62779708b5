import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PersistenceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

export interface PersistenceModuleOptions {
  imports?: DynamicModule['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => PersistenceOptions | Promise<PersistenceOptions>;
}

/** TypeORM for one service: creates its database when missing, then migrates at start. */
@Module({})
export class PersistenceModule {
  static forRootAsync(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: never[]) => {
            const resolved = await options.useFactory(...args);
            await ensureDatabase(resolved.url);
            return dataSourceOptions(resolved);
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
