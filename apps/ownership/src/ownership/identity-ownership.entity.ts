import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OwnershipStatus } from './ownership-status';

/** Ownership's view of one identity, learnt from inventory events. */
@Entity({ name: 'identity_ownership' })
export class IdentityOwnershipEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('uuid', { name: 'backup_owner_id', nullable: true })
  backupOwnerId!: string | null;

  @Column('text')
  status!: OwnershipStatus;

  @Column('timestamptz', { name: 'last_attestation_at', nullable: true })
  lastAttestationAt!: Date | null;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
