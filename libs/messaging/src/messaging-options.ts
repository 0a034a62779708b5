import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { KafkaSecurity } from '@nhi/config';

export interface MessagingOptions {
  /** CloudEvents source becomes `/nhi/<serviceName>`. */
  serviceName: string;
  brokers: string[];
  /** TLS and SASL for the brokers (ADR 0034): kafkaSecurity(config) from @nhi/config. Plain text when left out. */
  security?: KafkaSecurity;
  clientId: string;
  /** This service's consumer group. */
  groupId: string;
  /** Physical topic = prefix + logical topic: '' in production, unique per test run. */
  topicPrefix: string;
  /** Partitions of a platform topic the service creates, unless topicPartitionOverrides names it. */
  topicPartitions: number;
  /** Partitions by logical topic (a platform topic or its `.dlq`, without the prefix). */
  topicPartitionOverrides?: Readonly<Record<string, number>>;
  /** Partitions of a dead-letter topic the service creates; topicPartitions when left out. */
  dlqPartitions?: number;
  /** Add partitions to existing topics that have fewer than configured: it remaps keys, so only with producers quiesced (ADR 0026). */
  growPartitions?: boolean;
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
  /** Kafka's session timeout: a member that stops heartbeating for this long loses its partitions (defaults to 15 s). */
  consumerSessionTimeoutMs?: number;
}

export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
