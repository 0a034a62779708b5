import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { IdentitiesResolver } from './identities.resolver';
import { IdentitiesService } from './identities.service';
import { IdentityConnectionResolver } from './identity-connection.resolver';
import { PrivilegeResolver } from './privilege.resolver';
import { IdentityCounts } from './identity-counts';
import { IdentityDecommissionResolver } from './mutations/identity-decommission.resolver';

/** Exports IdentitiesService: a decommission an owner attests is the same decommission, run by a consumer. */
@Module({
  imports: [FindingsModule],
  providers: [
    IdentitiesService,
    IdentitiesResolver,
    IdentityConnectionResolver,
    PrivilegeResolver,
    IdentityCounts,
    IdentityDecommissionResolver,
  ],
  exports: [IdentitiesService],
})
export class IdentitiesModule {}
