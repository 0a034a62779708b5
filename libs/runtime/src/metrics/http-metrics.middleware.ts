import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram } from 'prom-client';
import { loggedPath, routeForLog } from '../request-log';
import { ServiceMetrics } from '../service-metrics';
import { LATENCY_BUCKETS_SECONDS } from './latency-buckets';

/**
 * The route a request is counted under: the template it matched
 * (`/ingest/:source`), or, for what no controller routes (Apollo's
 * `/graphql`, a 404), the path prefix the request log shows (`/graphql`,
 * `/…`). Never the path as sent: a source name or a token in a path would be
 * a series of its own.
 */
export function routeLabel(req: IncomingMessage & { originalUrl?: string }): string {
  const template = routeForLog(req).route;
  // Apollo is mounted at `/graphql{/*splat}`: the wildcard tail says nothing an operator needs.
  return template === undefined ? loggedPath(req.originalUrl ?? req.url) : template.replace(/\{\/\*\w+\}$/, '');
}

/** Every HTTP request's duration by method, route and status: REST ingest and reports, /graphql, /health. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: ServiceMetrics) {
    this.duration = new Histogram({
      name: 'nhi_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, from arrival to the last byte of the response',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [metrics.registry],
    });
  }

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const stop = this.duration.startTimer();
    res.once('finish', () => stop({ method: req.method ?? 'OTHER', route: routeLabel(req), status: String(res.statusCode) }));
    next();
  }
}
