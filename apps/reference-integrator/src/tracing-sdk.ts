import { startNodeSdk } from '@opentelemetry/sdk-node';

/** The Node SDK from the standard OTEL_* variables, exporting traces only (its logs go to stdout like the services'). */
export function startSdk(serviceName: string, environment: NodeJS.ProcessEnv): { shutdown(): Promise<void> } {
  return startNodeSdk({
    logLevel: environment['OTEL_LOG_LEVEL'] ?? 'warn',
    resourceAttributes: environment['OTEL_SERVICE_NAME'] ? {} : { 'service.name': serviceName },
    metricReaders: [],
    logRecordProcessors: [],
  });
}
