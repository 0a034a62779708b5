import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { EXCEPTIONS_SCHEMA } from './schema';
import { ExceptionsModule } from './exceptions/exceptions.module';
import { PolicyExceptionEntity } from './exceptions/policy-exception.entity';
import { KnownIdentityEntity } from './known-identities/known-identity.entity';
import { CreateExceptions1764202000000 } from './migrations/1764202000000-create-exceptions';

export const SERVICE = 'exceptions';
export const DEFAULT_PORT = 4004;

export function exceptionsModule(config: SubgraphConfig): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [KnownIdentityEntity, PolicyExceptionEntity],
    migrations: [CreateExceptions1764202000000],
    schema: EXCEPTIONS_SCHEMA,
    features: [ExceptionsModule],
  });
}
