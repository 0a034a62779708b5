import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A credential fingerprint a leak scanner reported (OWASP NHI2). */
@Entity({ name: 'leaked_fingerprints' })
export class LeakedFingerprintEntity {
  @PrimaryColumn('text')
  fingerprint!: string;

  @PrimaryColumn('text')
  source!: string;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt!: Date;
}
