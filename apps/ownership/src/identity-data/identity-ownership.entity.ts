import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OwnershipStatus } from './ownership-status';

/** Ownership's view of one identity: its owners, and what it learnt of the identity from inventory events. */
@Entity({ name: 'identity_ownership' })
export class IdentityOwnershipEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  /** The one PRIMARY owner: a single column, so there can never be two. */
  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('uuid', { name: 'backup_owner_id', nullable: true })
  backupOwnerId!: string | null;

  @Column('text')
  status!: OwnershipStatus;

  @Column('timestamptz', { name: 'last_attestation_at', nullable: true })
  lastAttestationAt!: Date | null;

  @Column('timestamptz', { name: 'orphaned_at', nullable: true })
  orphanedAt!: Date | null;

  /** When an orphan outlived its grace period and was escalated. */
  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('timestamptz', { name: 'revocation_requested_at', nullable: true })
  revocationRequestedAt!: Date | null;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  kind!: string | null;

  @Column('text', { nullable: true })
  provider!: string | null;

  @Column('text', { name: 'external_id', nullable: true })
  externalId!: string | null;

  @Column('text', { nullable: true })
  system!: string | null;

  @Column('text', { nullable: true })
  environment!: string | null;

  @Column('jsonb', { default: {} })
  tags!: Record<string, string>;

  /** Inventory's status of the identity: a decommissioned one takes no new owners. */
  @Column('text', { name: 'identity_status', default: 'ACTIVE' })
  identityStatus!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
