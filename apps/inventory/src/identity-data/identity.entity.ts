import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import type { IdentityStatus } from '@nhi/contracts';

/** An identity row. Private to inventory: the graph sees IdentityModel. */
@Entity({ name: 'identities' })
@Index('uq_identities_natural_key', ['provider', 'externalId'], { unique: true })
export class IdentityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: NhiKind;

  /** The source's word for the kind, kept only when it mapped to OTHER (ck_identities_source_kind). */
  @Column('text', { name: 'source_kind', nullable: true })
  sourceKind!: string | null;

  @Column('text')
  name!: string;

  @Column('text')
  provider!: string;

  @Column('text', { name: 'external_id' })
  externalId!: string;

  @Column('text')
  environment!: NhiEnvironment;

  @Column('text', { nullable: true })
  system!: string | null;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes!: string[];

  @Column('text', { name: 'privilege_level', nullable: true })
  privilegeLevel!: PrivilegeLevel | null;

  @Column('timestamptz', { name: 'created_at', nullable: true })
  createdAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('text', { name: 'credential_fingerprint', nullable: true })
  credentialFingerprint!: string | null;

  @Column('boolean', { name: 'environment_inferred', default: false })
  environmentInferred!: boolean;

  @Column('jsonb', { default: () => "'{}'" })
  tags!: Record<string, string>;

  @Column('text', { name: 'used_scopes', array: true, nullable: true })
  usedScopes!: string[] | null;

  @Column('text', { name: 'auth_method', nullable: true })
  authMethod!: string | null;

  @Column('boolean', { name: 'interactive_use', default: false })
  interactiveUse!: boolean;

  @Column('text')
  status!: IdentityStatus;

  @Column('timestamptz', { name: 'decommissioned_at', nullable: true })
  decommissionedAt!: Date | null;

  @Column('text', { name: 'decommissioned_by', nullable: true })
  decommissionedBy!: string | null;

  @Column('text', { name: 'decommission_reason', nullable: true })
  decommissionReason!: string | null;

  @Column('timestamptz', { name: 'first_seen_at' })
  firstSeenAt!: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt!: Date;
}
