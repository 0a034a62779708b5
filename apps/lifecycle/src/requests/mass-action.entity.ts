import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MassActionStartedData } from '@nhi/contracts';

export type MassActionKind = 'ROTATION' | 'REVOCATION';

/** The table of each kind's requests. */
export const REQUEST_TABLES: Record<MassActionKind, string> = { ROTATION: 'rotation_requests', REVOCATION: 'revocation_requests' };

/** What a mass action selected by, as given (named identities are counted, not kept here): as its started event says. */
export type StoredSelection = MassActionStartedData['selection'];

/** One mass rotation or revocation: what it selected and how many it asked for; progress is read from its requests. */
@Entity({ name: 'mass_actions' })
export class MassActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  action!: MassActionKind;

  @Column('jsonb')
  selection!: StoredSelection;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  /** Identities the selection matched. */
  @Column('int')
  selected!: number;

  @Column('int')
  requested!: number;

  @Column('int')
  held!: number;

  /** Already revoked or on their way out, or with an attempt of the same action in progress. */
  @Column('int')
  skipped!: number;

  /** Named identities lifecycle does not know. */
  @Column('int', { name: 'not_found' })
  notFound!: number;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
