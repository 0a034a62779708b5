import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import type { IdentityStatus } from '@nhi/contracts';
import type { PermissionStatement, PrivilegeReason } from '@nhi/privilege';
import type { StoredCredential } from './credential';

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

  /** Which rules set the level, with their evidence (from @nhi/privilege). */
  @Column('jsonb', { name: 'privilege_reasons', default: () => "'[]'" })
  privilegeReasons!: PrivilegeReason[];

  /** The permission statements a source sent (policy documents, RBAC rules, role bindings); null when none did. */
  @Column('jsonb', { nullable: true })
  permissions!: PermissionStatement[] | null;

  /** Who may assume or impersonate the identity, as the source wrote them (`*`, account ids, ARNs). */
  @Column('text', { name: 'trusted_principals', array: true, nullable: true })
  trustedPrincipals!: string[] | null;

  /** The credentials the identity holds (ADR 0019); null until a source lists them (an empty list: it holds none). */
  @Column('jsonb', { nullable: true })
  credentials!: StoredCredential[] | null;

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

  /** For identities that can sign in like a person: whether MFA is on; null when unknown. */
  @Column('boolean', { name: 'mfa_enabled', nullable: true })
  mfaEnabled!: boolean | null;

  /** A source said it was never used (lastUsedAt null alone means unknown). */
  @Column('boolean', { name: 'never_used', default: false })
  neverUsed!: boolean;

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
