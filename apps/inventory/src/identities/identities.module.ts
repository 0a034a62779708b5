import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { IdentitiesResolver } from './identities.resolver';
import { IdentitiesService } from './identities.service';
import { IdentityConnectionResolver } from './identity-connection.resolver';

/** Exports IdentitiesService: a decommission an owner attests is the same decommission, run by a consumer. */
@Module({
  imports: [FindingsModule],
  providers: [IdentitiesService, IdentitiesResolver, IdentityConnectionResolver],
  exports: [IdentitiesService],
})
export class IdentitiesModule {}
