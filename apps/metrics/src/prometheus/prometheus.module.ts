import { Module } from '@nestjs/common';
import { PrometheusController } from './prometheus.controller';

/** GET /metrics for operators: the consumer and the process, not the governance figures. */
@Module({ controllers: [PrometheusController] })
export class PrometheusModule {}
