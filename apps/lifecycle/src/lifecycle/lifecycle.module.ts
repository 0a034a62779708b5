import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { PoliciesResolver } from '../policies/policies.resolver';
import { IdentityLifecycleFieldsResolver } from './identity-lifecycle-fields.resolver';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';

@Module({ providers: [LifecycleService, LifecycleResolver, IdentityLifecycleFieldsResolver, PoliciesResolver, InventoryEventsHandler] })
export class LifecycleModule {}
