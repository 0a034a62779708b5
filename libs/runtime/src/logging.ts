import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';

export interface LoggingOptions {
  service: string;
  level: string;
}

/** Paths that may carry credentials: never written to a log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-nhi-actor"]',
  'res.headers["set-cookie"]',
];

/** Structured JSON logs, one line per event, with the service name on every line. */
export function loggingModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: options.level,
      base: { service: options.service },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
      // Health probes every few seconds would drown the useful lines.
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  });
}
