import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExceptionControl, ExceptionStatus } from './exception-enums';

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
  riskRating!: string | null;

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
}
