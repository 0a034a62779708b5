import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { OwnersResolver } from '../owners/owners.resolver';
import { OwnershipResolver } from './ownership.resolver';
import { OwnershipService } from './ownership.service';

@Module({ providers: [OwnershipService, OwnershipResolver, OwnersResolver, InventoryEventsHandler] })
export class OwnershipModule {}
