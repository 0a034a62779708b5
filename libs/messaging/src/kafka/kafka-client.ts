import { Kafka, logLevel, type KafkaConfig, type logCreator, type RetryOptions } from 'kafkajs';
import type { KafkaSecurity } from '@nhi/config';
import type { MessagingOptions } from '../messaging-options';
import { stopIdleRequestQueuePolling } from './idle-request-queue';
import { nestLogCreator } from './nest-log-creator';

/** The service's one kafkajs client; producer, consumer and admins are made from it. */
export const MESSAGING_KAFKA = Symbol('MESSAGING_KAFKA');

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  /** TLS and SASL (ADR 0034); a plain-text listener when left out. */
  security?: KafkaSecurity;
  logLevel?: logLevel;
  logCreator?: logCreator;
  retry?: RetryOptions;
}

/**
 * Every kafkajs client of the platform and its tools is made here, so a
 * broker that wants TLS and SASL gets them from every one.
 */
export function kafkaClient(options: KafkaClientOptions): Kafka {
  stopIdleRequestQueuePolling();
  const { security, ...rest } = options;
  const config: KafkaConfig = { ...rest, logLevel: options.logLevel ?? logLevel.NOTHING };
  if (security?.ssl) config.ssl = security.ssl;
  if (security?.sasl) config.sasl = security.sasl;
  return new Kafka(config);
}

export function createKafkaClient(options: MessagingOptions): Kafka {
  return kafkaClient({
    clientId: options.clientId,
    brokers: options.brokers,
    security: options.security,
    // kafkajs is chatty at INFO (every join, every connect); warnings and errors are what operators act on.
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    // Bridges a leader election (about 3 s in all), then gives up: the relay and the consumer have their own,
    // longer backoff on top. Set explicitly because kafkajs silently uses other defaults under NODE_ENV=test.
    retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
  });
}
