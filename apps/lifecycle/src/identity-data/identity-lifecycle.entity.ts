import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KnownCredential } from './known-credential';
import type { NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import type { LifecycleState } from '@nhi/graphql';

/** Lifecycle's view of one identity, learnt from inventory events. */
@Entity({ name: 'identity_lifecycle' })
export class IdentityLifecycleEntity {
  @PrimaryColumn('uuid', { name: 'identity_id' })
  identityId!: string;

  @Column('text')
  kind!: NhiKind;

  @Column('text')
  provider!: string;

  @Column('text', { name: 'external_id' })
  externalId!: string;

  @Column('text')
  environment!: NhiEnvironment;

  @Column('text', { name: 'privilege_level', nullable: true })
  privilegeLevel!: PrivilegeLevel | null;

  @Column('text')
  state!: LifecycleState;

  @Column('timestamptz', { name: 'credential_created_at', nullable: true })
  credentialCreatedAt!: Date | null;

  @Column('timestamptz', { name: 'last_rotated_at', nullable: true })
  lastRotatedAt!: Date | null;

  @Column('timestamptz', { name: 'next_rotation_due_at', nullable: true })
  nextRotationDueAt!: Date | null;

  @Column('text', { name: 'credential_fingerprint', nullable: true })
  credentialFingerprint!: string | null;

  /** The credentials the identity holds, as inventory's events last said (metadata only). */
  @Column('jsonb', { default: () => "'[]'" })
  credentials!: KnownCredential[];

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('text', { name: 'business_unit', nullable: true })
  businessUnit!: string | null;

  /** When lifecycle first learnt of the identity: the age baseline when nothing better is known. */
  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  /** The due date a warning went out for (once per due date). */
  @Column('timestamptz', { name: 'warned_for', nullable: true })
  warnedFor!: Date | null;

  @Column('timestamptz', { name: 'expired_at', nullable: true })
  expiredAt!: Date | null;

  @Column('text', { nullable: true })
  system!: string | null;

  /** The PRIMARY owner, as ownership's events say. */
  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  /** The PRIMARY owner's reference, then its teams', innermost first: who may act on the identity as its owner. */
  /** The ingest sources that have reported it (a mass action can select by one). */
  @Column('text', { array: true, default: () => "'{}'" })
  sources!: string[];

  @Column('text', { name: 'owner_path', array: true, default: () => "'{}'" })
  ownerPath!: string[];

  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId!: string | null;

  /** Since when an automatic rotation is held back by an approved ROTATION exception; it is requested when that ends. */
  @Column('timestamptz', { name: 'rotation_held_since', nullable: true })
  rotationHeldSince!: Date | null;

  /** Why a revocation was asked for while an approved REVOCATION exception held it back; requested when that ends. */
  @Column('text', { name: 'revocation_held_reason', nullable: true })
  revocationHeldReason!: string | null;
}
