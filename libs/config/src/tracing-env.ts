import { env, z } from './env-schema';

/**
 * OpenTelemetry's standard variables that a service reads (ADR 0033). Tracing
 * starts before this schema is loaded (it must, to patch modules as they load);
 * they are listed here so they are validated and documented with the rest.
 */
export function tracingEnvShape() {
  return {
    /** Turns span export on: the collector's OTLP endpoint, e.g. http://otel-collector:4318. Unset: no spans are recorded; events still carry a traceparent. */
    OTEL_EXPORTER_OTLP_ENDPOINT: env.url(['http', 'https']).optional(),
    /** OTLP transport: http/protobuf (default), http/json or grpc (then the endpoint is the collector's gRPC port, usually 4317). */
    OTEL_EXPORTER_OTLP_PROTOCOL: z
      .enum(['http/protobuf', 'http/json', 'grpc'], { message: 'expected http/protobuf, http/json or grpc' })
      .optional(),
    /** The service.name on its spans; the app's name (inventory, gateway ...) when unset. */
    OTEL_SERVICE_NAME: env.optionalString(),
    /** Which traces are kept: parentbased_always_on (default), parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG, always_off ... */
    OTEL_TRACES_SAMPLER: env.optionalString(),
    /** The sampler's argument, e.g. 0.1 to keep one trace in ten with parentbased_traceidratio. */
    OTEL_TRACES_SAMPLER_ARG: env.optionalString(),
    /** More resource attributes for every span, e.g. deployment.environment.name=production,service.namespace=nhi. */
    OTEL_RESOURCE_ATTRIBUTES: env.optionalString(),
  };
}
