import { Field, InputType } from '@nestjs/graphql';

/** Strings, not DateTime: a date that cannot be read rejects its row only, not the whole request (ADR 0040). */
const ROW_DATE =
  'An ISO 8601 / RFC 3339 date or date-time (2026-01-31, 2026-01-31T12:00:00Z). One that cannot be read, or is out of range, rejects this row only, reported with its index and field.';

@InputType('TagInput', { description: 'A tag on the identity; the key is kept lower case.' })
export class TagInput {
  @Field({ description: 'The tag key; required, stored lower case.' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'The tag value; null is stored as empty.' })
  value?: string | null;
}

@InputType('CredentialInput', { description: "A credential the identity holds: the provider's id for it, never the secret." })
export class CredentialInput {
  @Field({ description: 'ACCESS_KEY, CLIENT_SECRET, SERVICE_ACCOUNT_KEY, CERTIFICATE, TOKEN, SSH_KEY, PASSWORD or PRIVATE_KEY.' })
  type!: string;

  @Field({ description: "The provider's id for it (an access key id, a key's name)." })
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'A hash of the credential ("sha256:<hash>"). Never the credential itself.' })
  fingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE (the default), INACTIVE, EXPIRED or REVOKED.' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  createdAt?: string | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  expiresAt?: string | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  lastUsedAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The provider says it was never used.' })
  neverUsed?: boolean | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  lastRotatedAt?: string | null;
}

@InputType('PermissionStatementInput', {
  description: "A permission statement in the platform's provider-neutral shape (docs/privilege-model.md).",
})
export class PermissionStatementInput {
  @Field({ description: 'Allow or Deny.' })
  effect!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Provider-qualified actions, wildcards allowed: iam:CreateAccessKey, k8s:core/secrets:get, gcp:roles/owner.',
  })
  actions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Everything except these (AWS NotAction).' })
  notActions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Resources; * (the default) is all.' })
  resources?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Every resource except these (AWS NotResource); at most one of resources and notResources.',
  })
  notResources?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'It applies only under a condition.' })
  conditional?: boolean | null;

  @Field(() => String, { nullable: true, description: 'An AWS managed policy known only by its ARN.' })
  managedPolicyArn?: string | null;

  @Field({
    description: 'Where it comes from, as a reviewer reads it: managed policy AdministratorAccess, ClusterRoleBinding x -> ClusterRole y.',
  })
  via!: string;
}

/**
 * One identity as a source reports it, in the source's own words: kind,
 * environment and provider are mapped to canonical values, dates are RFC 3339
 * strings. Loosely typed on purpose: a bad row is reported on its own instead of
 * failing the whole batch at the GraphQL layer.
 */
@InputType('IdentityInput', { description: 'One identity as a source reports it, in its own words; checked row by row.' })
export class IdentityInput {
  @Field({ description: 'aws, "Amazon Web Services", gcp, azure, github ... (aliases are mapped).' })
  provider!: string;

  @Field({ description: "The provider's identifier: with provider, the natural key." })
  externalId!: string;

  @Field({
    description:
      'SERVICE_ACCOUNT, API_KEY ... or a source word such as svc-account, pat, AWS::IAM::Role; ' +
      'a word not known is taken as OTHER, kept as sourceKind, with a warning.',
  })
  kind!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'PRODUCTION, prd, prod, stg, dev ...; inferred from hints when absent.' })
  environment?: string | null;

  @Field(() => String, { nullable: true, description: 'The system or application it serves.' })
  system?: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit it belongs to.' })
  businessUnit?: string | null;

  @Field(() => [String], { nullable: true, description: 'Granted scopes, roles or permissions.' })
  scopes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Scopes actually used, when the source has usage data.' })
  usedScopes?: string[] | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  createdAt?: string | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  lastUsedAt?: string | null;

  @Field(() => String, { nullable: true, description: ROW_DATE })
  expiresAt?: string | null;

  @Field(() => String, { nullable: true, description: 'A hash of the credential ("sha256:<hash>"). Never the credential itself.' })
  credentialFingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'How it authenticates: oidc, mtls, password, static-key ...' })
  authMethod?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The source saw interactive (human) use.' })
  interactiveUse?: boolean | null;

  @Field(() => [TagInput], { nullable: true, description: 'Tags; merged key by key with the known ones.' })
  tags?: TagInput[] | null;

  @Field(() => [CredentialInput], {
    nullable: true,
    description: 'The credentials it holds; absent leaves the known ones, a list replaces them.',
  })
  credentials?: CredentialInput[] | null;

  @Field(() => [PermissionStatementInput], { nullable: true, description: 'Its permissions, from which privilege is derived.' })
  permissions?: PermissionStatementInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Who may assume or impersonate it (`*`, account ids, ARNs).' })
  trustedPrincipals?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'For identities that can sign in like a person: whether MFA is on.' })
  mfaEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The source knows it was never used.' })
  neverUsed?: boolean | null;
}
