import { ConsoleLogger, type LogLevel, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { KafkaSecurity } from '@nhi/config';
import { PersistenceModule } from '@nhi/persistence';
import { MessagingModule } from '../messaging.module';
import { MESSAGING_ENTITIES } from '../tables/messaging-entities';
import { MESSAGING_MIGRATIONS } from '../tables/messaging-entities';
import { AppliedEventEntity, TestAppliedEvents1764201600001 } from './applied-event.entity';
import { TestHandlers } from './test-handlers';

export interface MessagingTestAppOptions {
  databaseUrl: string;
  brokers: string[];
  /** TLS and SASL for a secured broker; plain text when left out. */
  security?: KafkaSecurity;
  topicPrefix: string;
  groupId: string;
  /** Register TestHandlers, which makes the app consume. */
  withHandlers: boolean;
  /** Handlers of a test's own, beside or instead of TestHandlers. */
  extraProviders?: Provider[];
  outboxPollIntervalMs: number;
  consumerRetryBaseMs: number;
}

export const TEST_APPLICATION_NAME = 'messaging-test';

/** Expected failures (retries, dead letters, a broker that is down) log as errors; MESSAGING_TEST_LOGS=1 shows them. */
function testLogLevels(): LogLevel[] {
  return process.env['MESSAGING_TEST_LOGS'] ? ['error', 'warn', 'log'] : [];
}

/**
 * A service as an app would wire it: PersistenceModule first, MessagingModule
 * after it. Compiled, not initialised: the test decides whether bootstrap runs.
 */
export function compileMessagingTestApp(options: MessagingTestAppOptions): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [
      PersistenceModule.forRootAsync({
        useFactory: () => ({
          url: options.databaseUrl,
          applicationName: TEST_APPLICATION_NAME,
          entities: [...MESSAGING_ENTITIES, AppliedEventEntity],
          migrations: [...MESSAGING_MIGRATIONS, TestAppliedEvents1764201600001],
          poolSize: 5,
        }),
      }),
      MessagingModule.forRootAsync({
        useFactory: () => ({
          serviceName: 'messaging-test',
          brokers: options.brokers,
          security: options.security,
          clientId: 'messaging-test',
          groupId: options.groupId,
          topicPrefix: options.topicPrefix,
          topicPartitions: 3,
          replicationFactor: 1,
          outboxPollIntervalMs: options.outboxPollIntervalMs,
          outboxRetentionHours: 24,
          consumerMaxAttempts: 3,
          consumerRunSize: 50,
          consumerRetryBaseMs: options.consumerRetryBaseMs,
        }),
      }),
    ],
    providers: [...(options.withHandlers ? [TestHandlers] : []), ...(options.extraProviders ?? [])],
  })
    .setLogger(new ConsoleLogger({ logLevels: testLogLevels() }))
    .compile();
}
