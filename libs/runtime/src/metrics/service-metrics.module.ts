import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type Provider } from '@nestjs/common';
import { SERVICE_NAME, ServiceMetrics, ServiceMetricsController } from '../service-metrics';
import { GraphQLMetricsPlugin } from './graphql-metrics.plugin';
import { HttpMetricsMiddleware } from './http-metrics.middleware';

/**
 * GET /metrics for one service (the gateway or a subgraph): its process, its
 * HTTP requests by route and its GraphQL operations, plus what `collectors`
 * add (a subgraph's database pool, outbox and consumer; a feature's own).
 * Global, so a feature can inject ServiceMetrics and register its metrics.
 */
@Module({})
export class ServiceMetricsModule implements NestModule {
  static forService(service: string, collectors: Provider[] = []): DynamicModule {
    return {
      module: ServiceMetricsModule,
      global: true,
      controllers: [ServiceMetricsController],
      providers: [{ provide: SERVICE_NAME, useValue: service }, ServiceMetrics, GraphQLMetricsPlugin, ...collectors],
      exports: [ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
