import { startNodeSdk } from '@opentelemetry/sdk-node';
import { tracingInstrumentations } from './instrumentations';

/** Signals on which queued spans are sent before the service's own shutdown ends the process. */
const FLUSH_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * The OpenTelemetry Node SDK, configured from the standard OTEL_* variables
 * (endpoint, headers, protocol, sampler, batch sizes, resource attributes),
 * exporting traces only: metrics are Prometheus's and logs are stdout's.
 */
export function startSdk(serviceName: string, environment: NodeJS.ProcessEnv): { shutdown(): Promise<void> } {
  const sdk = startNodeSdk({
    // The SDK's own diagnostics go to the console; below a warning they would interleave with the JSON log lines.
    logLevel: environment['OTEL_LOG_LEVEL'] ?? 'warn',
    // OTEL_SERVICE_NAME, when set, wins over the app's name (resourceAttributes would win over it).
    resourceAttributes: environment['OTEL_SERVICE_NAME'] ? {} : { 'service.name': serviceName },
    instrumentations: tracingInstrumentations(),
    metricReaders: [],
    logRecordProcessors: [],
  });
  let stopping: Promise<void> | undefined;
  const shutdown = () => (stopping ??= sdk.shutdown().catch(() => undefined));
  for (const signal of FLUSH_SIGNALS) process.once(signal, () => void shutdown());
  return { shutdown };
}
