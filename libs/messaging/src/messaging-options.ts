import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';

export interface MessagingOptions {
  /** CloudEvents source becomes `/nhi/<serviceName>`. */
  serviceName: string;
  brokers: string[];
  clientId: string;
  /** This service's consumer group. */
  groupId: string;
  /** Physical topic = prefix + logical topic: '' in production, unique per test run. */
  topicPrefix: string;
  topicPartitions: number;
  replicationFactor: number;
  /** Relay poll interval; pg NOTIFY wakes the relay sooner. */
  outboxPollIntervalMs: number;
  /** Published rows older than this are purged by the relay's maintenance. */
  outboxRetentionHours: number;
  /** Attempts per message before it goes to the dead-letter topic. */
  consumerMaxAttempts: number;
  /** Exponential backoff base between attempts. */
  consumerRetryBaseMs: number;
  /** Most consecutive messages of a partition applied in one transaction (and handed to a batch handler at once). */
  consumerRunSize: number;
}

export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
