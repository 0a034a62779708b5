import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OwnerKind } from './owner-kind';

/** A team or a person who can be accountable for identities. */
@Entity({ name: 'owners' })
export class OwnerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'external_ref', unique: true })
  externalRef!: string;

  @Column('text')
  kind!: OwnerKind;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  /** The team this team or person belongs to; orphans go there when their owner leaves. */
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;

  @Column('text', { name: 'deactivation_reason', nullable: true })
  deactivationReason!: string | null;

  /** The directory (identity provider) whose full list includes this owner; null when created by hand. */
  @Column('text', { nullable: true })
  directory!: string | null;

  /** The team this team was merged into. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
