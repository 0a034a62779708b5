import type { SubgraphSchema } from '@nhi/graphql';
import { IdentityWithExceptionsModel } from './exceptions/identity.model';
import { ExceptionsResolver } from './exceptions/exceptions.resolver';
import { ExceptionMutationsResolver } from './exceptions/mutations/exception-mutations.resolver';
import { IdentityExceptionPermissionsResolver } from './exceptions/identity-permissions.resolver';
import { ExceptionViewerPermissionsResolver } from './exceptions/viewer-permissions.resolver';
import { ExceptionWorkflowResolver, PolicyExceptionConnectionResolver } from './exceptions/exception-workflow.resolver';
import { PolicyExceptionReferencesResolver } from './exceptions/policy-exception-references.resolver';
import { ViewerExceptionsResolver } from './viewer/viewer-exceptions.resolver';
import { ViewerExceptionsModel } from './viewer/viewer.model';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const EXCEPTIONS_SCHEMA: SubgraphSchema = {
  orphanedTypes: [IdentityWithExceptionsModel, ViewerExceptionsModel],
  resolvers: [
    ExceptionsResolver,
    ExceptionWorkflowResolver,
    PolicyExceptionConnectionResolver,
    ExceptionMutationsResolver,
    ExceptionViewerPermissionsResolver,
    IdentityExceptionPermissionsResolver,
    PolicyExceptionReferencesResolver,
    ViewerExceptionsResolver,
  ],
};
