import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttestationDecision } from '@nhi/contracts';

/** One identity in a campaign, waiting for (or holding) its owner's decision. */
@Entity({ name: 'attestation_items' })
export class AttestationItemEntity {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  /** The owner asked to decide: the PRIMARY owner when the campaign started. */
  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('text', { nullable: true })
  decision!: AttestationDecision | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;
}
