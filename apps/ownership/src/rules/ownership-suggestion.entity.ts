import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SuggestionStatus } from './rule-mode';

@Entity({ name: 'ownership_suggestions' })
export class OwnershipSuggestionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('uuid', { name: 'rule_id', nullable: true })
  ruleId!: string | null;

  @Column('double precision')
  confidence!: number;

  @Column('text')
  reason!: string;

  @Column('text')
  status!: SuggestionStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
