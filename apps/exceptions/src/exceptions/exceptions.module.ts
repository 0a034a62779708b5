import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { OwnershipEventsHandler } from '../consumers/ownership-events.handler';
import { KnownIdentitiesService } from '../known-identities/known-identities.service';
import { ExceptionClock } from './exception-clock';
import { ExceptionDecisionsService } from './exception-decisions.service';
import { ExceptionJournal } from './exception-journal';
import { ExceptionRequestsService } from './exception-requests.service';
import { ExceptionWorkflowResolver } from './exception-workflow.resolver';
import { ExceptionsResolver } from './exceptions.resolver';
import { ExceptionsService } from './exceptions.service';

@Module({
  providers: [
    ExceptionsService,
    ExceptionsResolver,
    ExceptionWorkflowResolver,
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
