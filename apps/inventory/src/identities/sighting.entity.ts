import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One discovery source reporting one identity; the same identity from two sources has two sightings. */
@Entity({ name: 'identity_sightings' })
export class SightingEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @PrimaryColumn('text')
  source!: string;

  @Column('timestamptz', { name: 'seen_at' })
  seenAt!: Date;
}
