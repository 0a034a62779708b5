import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { ExceptionsResolver } from './exceptions.resolver';
import { ExceptionsService } from './exceptions.service';

@Module({ providers: [ExceptionsService, ExceptionsResolver, InventoryEventsHandler] })
export class ExceptionsModule {}
