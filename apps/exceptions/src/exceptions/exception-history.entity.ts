import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExceptionAction, ExceptionStatus } from './exception-enums';

/** One thing that happened to an exception. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity({ name: 'exception_history' })
@Index('ix_exception_history_exception', ['exceptionId', 'at'])
export class ExceptionHistoryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'exception_id' })
  exceptionId!: string;

  @Column('text')
  action!: ExceptionAction;

  /** The exception's status after this entry. */
  @Column('text')
  status!: ExceptionStatus;

  @Column('text')
  actor!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz')
  at!: Date;
}
