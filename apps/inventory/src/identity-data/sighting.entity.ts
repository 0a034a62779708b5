import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One discovery source reporting one identity; the same identity from two sources has two sightings. */
@Entity({ name: 'identity_sightings' })
export class SightingEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @PrimaryColumn('text')
  source!: string;

  @Column('timestamptz', { name: 'first_seen_at' })
  firstSeenAt!: Date;

  @Column('timestamptz', { name: 'seen_at' })
  seenAt!: Date;

  /** Consecutive full snapshots of this source that did not include the identity. */
  @Column('int', { name: 'missed_snapshots', default: 0 })
  missedSnapshots!: number;

  /** The full snapshot of this source that last included the identity. */
  @Column('uuid', { name: 'last_snapshot_id', nullable: true })
  lastSnapshotId!: string | null;
}
