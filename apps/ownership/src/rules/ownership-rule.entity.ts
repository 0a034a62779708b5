import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuleCriteria } from './rule-criteria';
import type { RuleMode } from './rule-mode';

@Entity({ name: 'ownership_rules' })
export class OwnershipRuleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('text')
  mode!: RuleMode;

  @Column('jsonb')
  criteria!: RuleCriteria;

  @Column('double precision')
  confidence!: number;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
