import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { IdentityStatus as IdentityStatusValue, NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import { IdentityEnvironment, IdentityKind, IdentityPrivilegeLevel, IdentityStatus } from '@nhi/graphql';

@ObjectType('Sighting', { description: 'A discovery source that reported the identity, and when it last did.' })
export class SightingModel {
  @Field({ description: 'The source name, lower case, as ingestion recorded it.' })
  source!: string;

  @Field({ description: 'When this source last reported the identity.' })
  seenAt!: Date;
}

@ObjectType('Tag', { description: 'A tag sources reported on the identity; tags merge key by key across sightings.' })
export class TagModel {
  @Field({ description: 'The tag key, lower case.' })
  key!: string;

  @Field({ description: 'The tag value; empty when the source sent none.' })
  value!: string;
}

@ObjectType('NonHumanIdentity', {
  description: 'A service account, key, token, certificate, secret, workload identity, AI agent, or another kind a source names.',
})
@Directive('@key(fields: "id")')
export class IdentityModel {
  @Field(() => ID, { description: "The platform's id for the identity." })
  id!: string;

  @Field(() => IdentityKind, { description: 'What sort of identity it is.' })
  kind!: NhiKind;

  @Field(() => String, {
    nullable: true,
    description: "The source's own word for the kind when no vocabulary knows it (kind is then OTHER); null for a known kind.",
  })
  sourceKind!: string | null;

  @Field({ description: 'Its name, as the latest source that sent one gave it.' })
  name!: string;

  @Field({ description: 'Canonical provider, lower case: aws, gcp, azure, github ...' })
  provider!: string;

  @Field({ description: "The provider's own identifier; with provider, the natural key." })
  externalId!: string;

  @Field(() => IdentityEnvironment, {
    description: 'Where it is used: as a source stated it, else inferred from hints (environmentInferred), else UNKNOWN.',
  })
  environment!: NhiEnvironment;

  @Field({ description: 'True when no source gave the environment and it was inferred from names, tags or account hints.' })
  environmentInferred!: boolean;

  @Field(() => String, { nullable: true, description: 'The system or application it serves, as a source gave it; null when none did.' })
  system!: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit it belongs to, as a source gave it; null when none did.' })
  businessUnit!: string | null;

  @Field(() => [String], { description: 'Granted scopes, roles or permissions, as sources reported them; empty when none.' })
  scopes!: string[];

  @Field(() => IdentityPrivilegeLevel, { nullable: true, description: 'The level alone; privilege says why.' })
  privilegeLevel!: PrivilegeLevel | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Who may assume or impersonate it, as the source wrote them (`*`, account ids, ARNs); null when unknown.',
  })
  trustedPrincipals!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'For identities that can sign in like a person: whether MFA is on.' })
  mfaEnabled!: boolean | null;

  @Field({ description: 'A source said it was never used (lastUsedAt null alone means unknown).' })
  neverUsed!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the credential was created at its provider.' })
  createdAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last used, as sources reported; only moves forward. Null when unknown or never used (see neverUsed).',
  })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the credential expires; null when it never does or no source said.' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'A hash of the credential. The platform never stores the credential.' })
  credentialFingerprint!: string | null;

  @Field(() => IdentityStatus, { description: 'Whether it is still in use: ACTIVE, STALE or DECOMMISSIONED.' })
  status!: IdentityStatusValue;

  @Field(() => Date, { nullable: true, description: 'When it was decommissioned; null unless DECOMMISSIONED.' })
  decommissionedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who decommissioned it (the actor's subject); null unless DECOMMISSIONED." })
  decommissionedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was decommissioned; null unless DECOMMISSIONED.' })
  decommissionReason!: string | null;

  @Field({ description: 'When a source first reported it.' })
  firstSeenAt!: Date;

  @Field({ description: 'When a source last reported it.' })
  lastSeenAt!: Date;
}
