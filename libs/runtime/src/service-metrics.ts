import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { statementsSent } from '@nhi/persistence';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * The Prometheus registry of one service: its process (prefixed nhi_<service>_)
 * and the SQL statements it sent. A feature adds its own metrics to `registry`.
 */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE_NAME) service: string) {
    collectDefaultMetrics({ register: this.registry, prefix: `nhi_${service}_` });
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
