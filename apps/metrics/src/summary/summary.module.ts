import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { SummaryResolver } from './summary.resolver';
import { SummaryService } from './summary.service';

@Module({ providers: [SummaryService, SummaryResolver, InventoryEventsHandler] })
export class SummaryModule {}
