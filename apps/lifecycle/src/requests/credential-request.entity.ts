import { Column, PrimaryColumn } from 'typeorm';
import type { RequestStatus } from './request-status';

/** Columns shared by rotation and revocation requests: both follow the same handshake. */
export abstract class CredentialRequestColumns {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  status!: RequestStatus;

  @Column('int')
  attempt!: number;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('timestamptz')
  deadline!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** The mass action this attempt belongs to (retries carry it); null for a single request or a trigger's. */
  @Column('uuid', { name: 'mass_action_id', nullable: true })
  massActionId?: string | null;

  /** When the next attempt (a new request) was made from this one. */
  @Column('timestamptz', { name: 'retried_at', nullable: true })
  retriedAt!: Date | null;
}
