import { randomBytes } from 'node:crypto';

/** The broker tests use: TEST_KAFKA_BROKERS or the local single-node broker. */
export function testKafkaBrokers(): string[] {
  return (process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
}

/** A topic prefix unique to one test run, so parallel runs on one broker never see each other's events. */
export function uniqueTopicPrefix(label: string): string {
  return `test.${label.replace(/[^a-z0-9]/gi, '-').toLowerCase()}.${randomBytes(4).toString('hex')}.`;
}
