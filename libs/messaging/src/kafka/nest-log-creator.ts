import { Logger } from '@nestjs/common';
import { logLevel, type logCreator, type LogEntry } from 'kafkajs';

/** Formats a kafkajs entry as one line: namespace, message and its extra fields. */
export function formatKafkaLogEntry(entry: LogEntry): string {
  const { message, timestamp: _timestamp, ...extra } = entry.log;
  const details = Object.keys(extra).length > 0 ? ` ${safeJson(extra)}` : '';
  return `${entry.namespace}: ${String(message)}${details}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '[unserialisable details]';
  }
}

/** Routes kafkajs logs through the NestJS logger, so they land in the service's JSON logs. */
export const nestLogCreator: logCreator = () => {
  const logger = new Logger('Kafka');
  return (entry) => {
    const line = formatKafkaLogEntry(entry);
    switch (entry.level) {
      case logLevel.ERROR:
        logger.error(line);
        break;
      case logLevel.WARN:
        logger.warn(line);
        break;
      case logLevel.INFO:
        logger.log(line);
        break;
      default:
        logger.debug(line);
    }
  };
};
