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

  /** The PRIMARY owner's reference, then its teams', innermost first: who may act on the identity as its owner. */
  @Column('text', { name: 'owner_path', array: true, default: () => "'{}'" })
  ownerPath!: string[];

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
}
