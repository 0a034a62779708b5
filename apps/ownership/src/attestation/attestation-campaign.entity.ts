import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CampaignStatus = 'OPEN' | 'CLOSED';

@Entity({ name: 'attestation_campaigns' })
export class AttestationCampaignEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('text', { nullable: true })
  kind!: string | null;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('timestamptz')
  deadline!: Date;

  @Column('text')
  status!: CampaignStatus;

  @Column('text', { name: 'started_by' })
  startedBy!: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
