import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExceptionControl, ExceptionStatus, RiskRating } from './exception-enums';

/** A risk acceptance: one control suspended for one identity until it expires. */
@Entity({ name: 'policy_exceptions' })
@Index('ix_policy_exceptions_identity', ['identityId', 'status'])
export class PolicyExceptionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  control!: ExceptionControl;

  @Column('text')
  justification!: string;

  @Column('text', { name: 'compensating_controls', array: true, default: () => "'{}'" })
  compensatingControls!: string[];

  @Column('text', { name: 'risk_rating', nullable: true })
  riskRating!: RiskRating | null;

  @Column('text')
  status!: ExceptionStatus;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  /** Set on exceptions requested together (by system or owner): approval covers them all. */
  @Column('uuid', { name: 'group_id', nullable: true })
  groupId!: string | null;

  /** The exception this one renews. */
  @Column('uuid', { name: 'renews_id', nullable: true })
  renewsId!: string | null;

  @Column('text', { name: 'decision_note', nullable: true })
  decisionNote!: string | null;

  /** When the next expiring-soon reminder goes out (EXCEPTION_REMINDER_DAYS), while APPROVED. */
  @Column('timestamptz', { name: 'next_reminder_at', nullable: true })
  nextReminderAt!: Date | null;
}
