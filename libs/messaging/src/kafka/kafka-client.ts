import { Kafka, logLevel } from 'kafkajs';
import type { MessagingOptions } from '../messaging-options';
import { nestLogCreator } from './nest-log-creator';

/** The service's one kafkajs client; producer, consumer and admins are made from it. */
export const MESSAGING_KAFKA = Symbol('MESSAGING_KAFKA');

export function createKafkaClient(options: MessagingOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    // kafkajs is chatty at INFO (every join, every connect); warnings and errors are what operators act on.
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    // Bridges a leader election (about 3 s in all), then gives up: the relay and the consumer have their own,
    // longer backoff on top. Set explicitly because kafkajs silently uses other defaults under NODE_ENV=test.
    retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
  });
}
