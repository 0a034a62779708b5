import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NhiEnvironment, NhiKind } from '@nhi/contracts';

/** Metrics' own read model of one identity, built only from events. */
@Entity({ name: 'identity_facts' })
export class IdentityFactEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  kind!: NhiKind;

  @Column('text')
  environment!: NhiEnvironment;

  @Column('text')
  provider!: string;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
}
