import { DynamicModule, Module } from '@nestjs/common';
import { GraphiQLAssetsController } from './graphiql-assets.controller';

/** GraphiQL's files at /graphiql/*, served only where the IDE is (not in production). */
@Module({})
export class GraphiQLModule {
  static forRoot(production: boolean): DynamicModule {
    return { module: GraphiQLModule, controllers: production ? [] : [GraphiQLAssetsController] };
  }
}
