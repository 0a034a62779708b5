import { Module } from '@nestjs/common';
import { DailySnapshots } from './daily-snapshots';
import { TrendResolver } from './trend.resolver';
import { TrendService } from './trend.service';

/** Daily snapshots kept up to date in the background, read as governanceTrend. */
@Module({ providers: [DailySnapshots, TrendService, TrendResolver] })
export class TrendsModule {}
