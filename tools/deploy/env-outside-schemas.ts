import { BUNDLED_APP_NAMES } from './bundled-apps';

/** A variable some code reads straight from the environment, not through an app's config schema. */
export interface OutsideVariable {
  name: string;
  description: string;
  /** What an unset variable means to the code that reads it; undefined when unset is its own meaning. */
  fallback?: string;
  apps: readonly string[];
}

/**
 * Variables read outside every zod schema, so the generator cannot find them
 * there: OpenTelemetry's own rules, which the tracing start reads before any
 * schema is loaded. The spec fails on a variable that production code reads
 * and no .env.example lists; one that a schema takes over is shown once, from the schema.
 */
export const READ_OUTSIDE_SCHEMAS: readonly OutsideVariable[] = [
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    description:
      'The OTLP endpoint for traces alone (the full URL, with /v1/traces); wins over OTEL_EXPORTER_OTLP_ENDPOINT and also turns export on.',
    apps: BUNDLED_APP_NAMES,
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    description: 'none turns span export off even with an endpoint set; unset: OTLP.',
    apps: BUNDLED_APP_NAMES,
  },
  {
    name: 'OTEL_SDK_DISABLED',
    description: 'true turns the OpenTelemetry SDK off even with an endpoint set.',
    fallback: 'false',
    apps: BUNDLED_APP_NAMES,
  },
  {
    name: 'OTEL_LOG_LEVEL',
    description: "The OpenTelemetry SDK's own diagnostics: none, error, warn, info, debug, verbose or all.",
    fallback: 'warn',
    apps: BUNDLED_APP_NAMES,
  },
];
