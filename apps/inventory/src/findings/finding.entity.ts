import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FindingCategory, Severity } from '@nhi/contracts';

/** A finding on an identity; closed ones are kept as history. */
@Entity({ name: 'identity_findings' })
export class FindingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  category!: FindingCategory;

  @Column('text')
  code!: string;

  /** What within the identity it is about (a credential's label); empty for the identity itself. */
  @Column('text', { default: '' })
  subject!: string;

  /** The data that made the rule fire. */
  @Column('jsonb', { default: () => "'[]'" })
  evidence!: string[];

  @Column('text')
  severity!: Severity;

  @Column('text')
  detail!: string;

  @Column('timestamptz', { name: 'detected_at' })
  detectedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
