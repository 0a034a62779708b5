import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One identity a handoff lists, with the owner it had when the handoff was requested. */
@Entity({ name: 'handoff_items' })
export class HandoffItemEntity {
  @PrimaryColumn('uuid', { name: 'handoff_id' })
  handoffId!: string;

  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('uuid', { name: 'from_owner_id', nullable: true })
  fromOwnerId!: string | null;

  /** Set at acceptance: false when the identity had changed hands since the request. */
  @Column('boolean', { nullable: true })
  moved!: boolean | null;
}
