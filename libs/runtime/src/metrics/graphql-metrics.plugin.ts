import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Counter, Histogram } from 'prom-client';
import { ServiceMetrics } from '../service-metrics';
import { errorCodes, OperationNames, OTHER } from './bounded-label';
import { LATENCY_BUCKETS_SECONDS } from './latency-buckets';

type OperationLabels = 'operation' | 'type';

/**
 * Every GraphQL operation's duration by operation name and type, and the
 * operations answered with errors by their first error's code, at the gateway
 * and in each subgraph (the gateway's fetches counted under the client's
 * operation name). A request that never resolved to an operation (it did not
 * parse or validate) counts as `other` of type `unknown`: only resolved
 * operations may claim a name of their own.
 */
@Plugin()
export class GraphQLMetricsPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly names = new OperationNames();
  private readonly codes = errorCodes();
  private readonly duration: Histogram<OperationLabels>;
  private readonly errors: Counter<OperationLabels | 'code'>;

  constructor(metrics: ServiceMetrics) {
    this.duration = new Histogram({
      name: 'nhi_graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name and type (query, mutation), from request to response',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [metrics.registry],
    });
    this.errors = new Counter({
      name: 'nhi_graphql_operation_errors_total',
      help: 'GraphQL operations answered with errors, by operation name, type and the first error code',
      labelNames: ['operation', 'type', 'code'],
      registers: [metrics.registry],
    });
  }

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const stop = this.duration.startTimer();
    const labels = { operation: OTHER, type: 'unknown' };
    let code: string | undefined;
    return {
      didResolveOperation: async ({ operationName, operation }) => {
        labels.operation = this.names.of(operationName);
        labels.type = operation?.operation ?? 'unknown';
      },
      didEncounterErrors: async ({ errors }) => {
        const first = errors[0]?.extensions?.code;
        code ??= typeof first === 'string' ? this.codes.of(first) : 'INTERNAL_SERVER_ERROR';
      },
      willSendResponse: async () => {
        stop(labels);
        if (code !== undefined) this.errors.inc({ ...labels, code });
      },
    };
  }
}
