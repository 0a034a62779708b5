import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { GovernanceResolver } from './governance.resolver';
import { GovernanceService } from './governance.service';

/** governanceSummary, adoption and frameworkCoverage; the service is exported for the auditor reports. */
@Module({
  imports: [GovernanceModule],
  providers: [GovernanceService, GovernanceResolver],
  exports: [GovernanceService],
})
export class SummaryModule {}
