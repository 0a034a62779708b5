import { Column, Entity, PrimaryColumn } from 'typeorm';

export type HandoffStatus = 'REQUESTED' | 'COMPLETED' | 'DECLINED';

@Entity({ name: 'handoffs' })
export class HandoffEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'from_owner_id', nullable: true })
  fromOwnerId!: string | null;

  @Column('uuid', { name: 'to_owner_id' })
  toOwnerId!: string;

  @Column('text', { nullable: true })
  system!: string | null;

  @Column('text')
  reason!: string;

  @Column('text')
  status!: HandoffStatus;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'decision_note', nullable: true })
  decisionNote!: string | null;
}
