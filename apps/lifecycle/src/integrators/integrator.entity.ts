import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An integrator the platform takes results from: its CloudEvents source and the providers it answers for. */
@Entity({ name: 'integrators' })
export class IntegratorEntity {
  @PrimaryColumn({ type: 'text' })
  source!: string;

  /** Lower-case provider names, as identities carry them. */
  @Column({ type: 'text', array: true })
  providers!: string[];

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
