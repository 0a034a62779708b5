import { Module } from '@nestjs/common';
import { GovernanceCounts } from '../counts/governance-counts';
import { SearchRows } from '../search/search-rows';
import { ExceptionsFactsHandler } from './exceptions-facts.handler';
import { FactsWriter } from './facts-writer';
import { InventoryFactsHandler } from './inventory-facts.handler';
import { LifecycleFactsHandler } from './lifecycle-facts.handler';
import { OwnershipFactsHandler } from './ownership-facts.handler';

/** The read models' input: every service's events, applied to identity facts and their state history. */
@Module({
  providers: [
    GovernanceCounts,
    SearchRows,
    FactsWriter,
    InventoryFactsHandler,
    OwnershipFactsHandler,
    LifecycleFactsHandler,
    ExceptionsFactsHandler,
  ],
})
export class FactsModule {}
