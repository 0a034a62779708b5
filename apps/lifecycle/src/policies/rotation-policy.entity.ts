import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How old a credential may get. The default policy always exists (seeded by migration). */
@Entity({ name: 'rotation_policies' })
export class RotationPolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  name!: string;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault!: boolean;

  @Column('int', { name: 'max_age_days' })
  maxAgeDays!: number;

  @Column('int', { name: 'warn_days' })
  warnDays!: number;

  @Column('boolean', { name: 'auto_rotate' })
  autoRotate!: boolean;

  @Column('int', { name: 'deadline_minutes' })
  deadlineMinutes!: number;

  @Column('int', { name: 'max_attempts' })
  maxAttempts!: number;

  @Column('int')
  priority!: number;

  @Column('text', { array: true, default: [] })
  kinds!: string[];

  @Column('text', { array: true, default: [] })
  environments!: string[];

  @Column('text', { name: 'privilege_levels', array: true, default: [] })
  privilegeLevels!: string[];

  @Column('text', { array: true, default: [] })
  providers!: string[];

  @Column('text', { name: 'business_units', array: true, default: [] })
  businessUnits!: string[];
}
