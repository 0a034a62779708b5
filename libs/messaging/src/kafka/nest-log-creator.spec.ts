import { logLevel } from 'kafkajs';
import { formatKafkaLogEntry } from './nest-log-creator';

describe('formatKafkaLogEntry', () => {
  it('puts namespace, message and extra fields on one line, without the timestamp', () => {
    const line = formatKafkaLogEntry({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: '2026-01-01T00:00:00.000Z', message: 'Connection error', broker: '127.0.0.1:1' },
    });
    expect(line).toBe('Connection: Connection error {"broker":"127.0.0.1:1"}');
  });

  it('leaves out the braces when there is nothing extra', () => {
    const line = formatKafkaLogEntry({
      namespace: 'Runner',
      level: logLevel.WARN,
      label: 'WARN',
      log: { timestamp: 't', message: 'slow' },
    });
    expect(line).toBe('Runner: slow');
  });
});
