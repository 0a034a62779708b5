/**
 * OpenTelemetry for the reference integrator, as an integrator of your own
 * would set it up: only when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT)
 * is set, the Node SDK starts from the standard OTEL_* variables, and the
 * consumer spans of @nhi/integrator-sdk are exported in the platform's trace.
 * Without it nothing starts: the SDK still carries each request's traceparent
 * onto its answer.
 */
export function startTracing(serviceName: string, environment: NodeJS.ProcessEnv = process.env): { shutdown(): Promise<void> } {
  const endpoint = environment['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || environment['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (!endpoint?.trim()) return { shutdown: async () => undefined };
  // Loaded only when exporting: the SDK and its exporters are most of tracing's start-up cost.
  const { startSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  return startSdk(serviceName, environment);
}
