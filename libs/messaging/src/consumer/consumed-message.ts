import type { KafkaMessage } from 'kafkajs';

export interface ConsumedMessage {
  /** Physical topic. */
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** What long waits during processing need: keep the group membership, and stop on shutdown. */
export interface ProcessingContext {
  heartbeat: () => Promise<void>;
  signal: AbortSignal;
}

/** What became of one consumed message: what the consumer counts per topic. */
export type ProcessOutcome = 'applied' | 'duplicate' | 'no-handler' | 'dead-lettered';
