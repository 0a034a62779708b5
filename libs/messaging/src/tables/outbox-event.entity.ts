import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';

/** An event waiting for (or done with) publication; written in the transaction of the change it describes. */
@Entity({ name: 'outbox_events' })
@Index('outbox_events_unsent_idx', ['seq'], { where: 'sent_at IS NULL' })
export class OutboxEventEntity {
  /** The CloudEvent id. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Commit-independent insertion order; the relay publishes in this order. bigint arrives as a string. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  /** Logical topic; the relay adds the environment's prefix. */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  /** The whole CloudEvent, exactly what goes on the wire. */
  @Column({ type: 'jsonb' })
  payload!: NhiEvent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The W3C trace context the row was written in, also in the payload; null on rows from before ADR 0033. */
  @Column({ type: 'text', nullable: true })
  traceparent!: string | null;

  @Column({ type: 'text', nullable: true })
  tracestate!: string | null;
}
