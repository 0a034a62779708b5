import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identities the inventory announced: an exception can only be requested for one of these. */
@Entity({ name: 'known_identities' })
export class KnownIdentityEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('text', { nullable: true })
  system!: string | null;

  /** The PRIMARY owner, as ownership's events say. */
  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
}
