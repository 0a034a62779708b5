import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { Options } from 'pino-http';
import { logDestination } from './log-destination';
import { loggedPath, requestForLog, routeForLog } from './request-log';

export interface LoggingOptions {
  service: string;
  level: string;
}

/** Paths that may carry credentials: never written to a log line (the request serializer keeps none of them either). */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-nhi-actor"]',
  'res.headers["set-cookie"]',
];

/** pino-http's settings; exported for the spec, which runs them without Nest. */
export function pinoHttpOptions(options: LoggingOptions): Options {
  return {
    level: options.level,
    base: { service: options.service },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    // The request as it may be logged: path prefix, route template, never the URL's parameters, query or body.
    serializers: { req: requestForLog },
    customProps: routeForLog,
    // Health probes every few seconds would drown the useful lines.
    autoLogging: { ignore: (req) => loggedPath(req.url) === '/health' },
  };
}

/** Structured JSON logs, one line per event, with the service name on every line. */
export function loggingModule(options: LoggingOptions): DynamicModule {
  const destination = logDestination();
  const pinoHttp = pinoHttpOptions(options);
  return LoggerModule.forRoot({ pinoHttp: destination ? [pinoHttp, destination] : pinoHttp });
}
