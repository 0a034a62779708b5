/** Whether spans are exported: an OTLP endpoint is named and the SDK is not disabled (the standard OTEL_* variables). */
export function exportsSpans(environment: NodeJS.ProcessEnv): boolean {
  const endpoint = environment['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || environment['OTEL_EXPORTER_OTLP_ENDPOINT'];
  const disabled = environment['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true';
  const noExporter = environment['OTEL_TRACES_EXPORTER']?.trim().toLowerCase() === 'none';
  return Boolean(endpoint?.trim()) && !disabled && !noExporter;
}
