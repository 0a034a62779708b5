import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One event applied by one handler: the row that makes a redelivered event a no-op. */
@Entity({ name: 'inbox_events' })
export class InboxEventEntity {
  /** CloudEvents `source` and `id` together identify the event; empty for rows from before sources were kept. */
  @PrimaryColumn({ name: 'event_source', type: 'text' })
  eventSource!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  /** `<consumer group>:<handler>`, so each handler of an event applies it once. */
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  /** Physical topic the event was read from, with partition and offset for tracing. */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'int' })
  partition!: number;

  @Column({ type: 'text' })
  offset!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
