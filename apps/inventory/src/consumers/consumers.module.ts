import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { IdentitiesModule } from '../identities/identities.module';
import { LifecycleEventsHandler } from './lifecycle-events.handler';
import { OwnershipEventsHandler } from './ownership-events.handler';

@Module({
  imports: [FindingsModule, IdentitiesModule],
  providers: [OwnershipEventsHandler, LifecycleEventsHandler],
})
export class ConsumersModule {}
