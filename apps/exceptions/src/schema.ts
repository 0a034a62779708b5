import type { SubgraphSchema } from '@nhi/graphql';
import { IdentityWithExceptionsModel } from './exceptions/identity.model';
import { ExceptionsResolver } from './exceptions/exceptions.resolver';
import { ExceptionWorkflowResolver } from './exceptions/exception-workflow.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const EXCEPTIONS_SCHEMA: SubgraphSchema = {
  orphanedTypes: [IdentityWithExceptionsModel],
  resolvers: [ExceptionsResolver, ExceptionWorkflowResolver],
};
