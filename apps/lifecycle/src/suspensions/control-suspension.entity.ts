import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SuspendableControl = 'ROTATION' | 'REVOCATION';

/** An approved exception that suspends automatic rotation or revocation of one identity until it expires. */
@Entity({ name: 'control_suspensions' })
export class ControlSuspensionEntity {
  @PrimaryColumn('uuid', { name: 'exception_id' })
  exceptionId!: string;

  @Column('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  control!: SuspendableControl;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
