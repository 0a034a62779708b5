import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One event applied by one handler: the row that makes a redelivered event a no-op. */
@Entity({ name: 'inbox_events' })
export class InboxEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
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
