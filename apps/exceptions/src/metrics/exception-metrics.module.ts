import { Module } from '@nestjs/common';
import { ExceptionMetrics } from './exception-metrics';

/** The exceptions service's own figures on GET /metrics, for operators. */
@Module({ providers: [ExceptionMetrics] })
export class ExceptionMetricsModule {}
