import { Module } from '@nestjs/common';
import { IdentitiesModule } from '../../identities/identities.module';
import { FindingConnectionResolver, OpenFindingsResolver } from './open-findings.resolver';
import { OpenFindingsService } from './open-findings.service';

/** The estate-wide queue of open findings; apart from FindingsModule, which identities import to re-check findings. */
@Module({
  imports: [IdentitiesModule],
  providers: [OpenFindingsService, OpenFindingsResolver, FindingConnectionResolver],
})
export class FindingQueueModule {}
