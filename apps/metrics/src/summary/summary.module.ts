import { Module } from '@nestjs/common';
import { ExceptionsFactsHandler } from '../facts/exceptions-facts.handler';
import { InventoryFactsHandler } from '../facts/inventory-facts.handler';
import { LifecycleFactsHandler } from '../facts/lifecycle-facts.handler';
import { OwnershipFactsHandler } from '../facts/ownership-facts.handler';
import { GovernanceReadService } from '../governance/governance-read.service';
import { PrometheusController } from '../prometheus/prometheus.controller';
import { ReportsController } from '../reports/reports.controller';
import { DailySnapshots } from '../trends/daily-snapshots';
import { TrendResolver } from '../trends/trend.resolver';
import { TrendService } from '../trends/trend.service';
import { ParkedEventsResolver } from '../parked/parked-events.resolver';
import { GovernanceResolver } from './governance.resolver';
import { GovernanceService } from './governance.service';

@Module({
  controllers: [PrometheusController, ReportsController],
  providers: [
    GovernanceReadService,
    GovernanceService,
    GovernanceResolver,
    ParkedEventsResolver,
    DailySnapshots,
    TrendService,
    TrendResolver,
    InventoryFactsHandler,
    OwnershipFactsHandler,
    LifecycleFactsHandler,
    ExceptionsFactsHandler,
  ],
})
export class SummaryModule {}
