import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { statementsSent } from '@nhi/persistence';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * The Prometheus registry of one service: its process (Node's default
 * metrics, prefixed nhi_), which service it is, and the SQL statements it
 * sent. Names are the same in every service, so one dashboard reads them all;
 * Prometheus's job and instance labels tell the services apart. A feature
 * adds its own metrics to `registry` (see ServiceMetricsModule).
 */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE_NAME) service: string) {
    collectDefaultMetrics({ register: this.registry, prefix: 'nhi_' });
    new Gauge({
      name: 'nhi_service_info',
      help: 'Always 1; its service label names the service behind this scrape target',
      labelNames: ['service'],
      registers: [this.registry],
    }).set({ service }, 1);
    new Counter({
      name: 'nhi_db_statements_total',
      help: 'SQL statements this process sent to its database',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(statementsSent());
      },
    });
  }
}

/** GET /metrics, for Prometheus (outside the graph, so no actor is needed, as for /health). */
@Controller('metrics')
export class ServiceMetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
