import { Module } from '@nestjs/common';
import { SummaryModule } from '../summary/summary.module';
import { ReportsController } from './reports.controller';

/** GET /reports/governance.json and .csv for auditors, from the same figures as the graph. */
@Module({ imports: [SummaryModule], controllers: [ReportsController] })
export class ReportsModule {}
