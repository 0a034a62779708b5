import { Module } from '@nestjs/common';
import { IDEMPOTENCY_STORE_PROVIDER } from '@nhi/persistence';
import { InventoryEventsHandler } from './consumers/inventory-events.handler';
import { OwnershipEventsHandler } from './consumers/ownership-events.handler';
import { KnownIdentitiesService } from './known-identities/known-identities.service';
import { ExceptionClock } from './exceptions/exception-clock';
import { ExceptionDecisionsService } from './exceptions/exception-decisions.service';
import { ExceptionJournal } from './exceptions/exception-journal';
import { ExceptionRequestsService } from './exceptions/exception-requests.service';
import { ExceptionMutationsResolver } from './exceptions/mutations/exception-mutations.resolver';
import { IdentityExceptionPermissionsResolver } from './exceptions/identity-permissions.resolver';
import { ExceptionViewerPermissionsResolver } from './exceptions/viewer-permissions.resolver';
import { ExceptionWorkflowResolver, PolicyExceptionConnectionResolver } from './exceptions/exception-workflow.resolver';
import { ExceptionsResolver } from './exceptions/exceptions.resolver';
import { ExceptionsService } from './exceptions/exceptions.service';
import { PolicyExceptionReferencesResolver } from './exceptions/policy-exception-references.resolver';
import { ExceptionsToDecideService } from './viewer/exceptions-to-decide.service';
import { ViewerExceptionsResolver } from './viewer/viewer-exceptions.resolver';

/** Every feature of the exceptions subgraph, wired at the top so no feature reaches up to its wiring. */
@Module({
  providers: [
    ExceptionsService,
    ExceptionsResolver,
    ExceptionWorkflowResolver,
    PolicyExceptionConnectionResolver,
    ExceptionMutationsResolver,
    ExceptionViewerPermissionsResolver,
    IdentityExceptionPermissionsResolver,
    IDEMPOTENCY_STORE_PROVIDER,
    PolicyExceptionReferencesResolver,
    ExceptionsToDecideService,
    ViewerExceptionsResolver,
    ExceptionRequestsService,
    ExceptionDecisionsService,
    ExceptionJournal,
    ExceptionClock,
    KnownIdentitiesService,
    InventoryEventsHandler,
    OwnershipEventsHandler,
  ],
})
export class ExceptionsModule {}
