import { exportsSpans } from './export-settings';
import { installPropagation, propagationInstalled } from './propagation';

export interface Tracing {
  /** Spans are recorded and sent to the OTLP endpoint. */
  exporting: boolean;
  /** Sends the spans still queued; a no-op when nothing is exported. */
  shutdown(): Promise<void>;
}

/**
 * Called first thing in a service's main, before NestJS, express, graphql or
 * pg are loaded: the instrumentations patch those modules as they are
 * required. With OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) set,
 * the OpenTelemetry SDK starts, configured by the standard OTEL_* variables,
 * with `service.name` defaulting to `serviceName`. Without it only the cheap
 * propagation is installed: trace context still flows through events.
 */
export function startTracing(serviceName: string, environment: NodeJS.ProcessEnv = process.env): Tracing {
  if (!exportsSpans(environment)) {
    installPropagation();
    return { exporting: false, shutdown: async () => undefined };
  }
  // Loaded only when exporting: the SDK, its exporters and the instrumentations are most of tracing's start-up cost.
  const { startSdk } = require('./sdk/start-sdk') as typeof import('./sdk/start-sdk');
  const { shutdown } = startSdk(serviceName, environment);
  propagationInstalled();
  return { exporting: true, shutdown };
}
