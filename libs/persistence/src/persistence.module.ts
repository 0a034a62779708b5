import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PersistenceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

export interface PersistenceModuleOptions {
  useFactory: () => PersistenceOptions | Promise<PersistenceOptions>;
}

/** TypeORM for one service: creates its database when missing, then migrates at start. */
@Module({})
export class PersistenceModule {
  static forRootAsync(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const resolved = await options.useFactory();
            await ensureDatabase(resolved.url);
            return dataSourceOptions(resolved);
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
