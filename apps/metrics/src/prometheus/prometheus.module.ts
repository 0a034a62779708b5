import { Module } from '@nestjs/common';
import { ConsumerMetrics } from './consumer-metrics';

/** The consumer's figures on GET /metrics, for operators: not the governance figures. */
@Module({ providers: [ConsumerMetrics] })
export class PrometheusModule {}
