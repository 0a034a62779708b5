import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { IdentityStatus as IdentityStatusValue, NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import { IdentityEnvironment, IdentityKind, IdentityPrivilegeLevel, IdentityStatus } from '@nhi/graphql';

@ObjectType('Sighting', { description: 'A discovery source that reported the identity, and when it last did.' })
export class SightingModel {
  @Field()
  source!: string;

  @Field()
  seenAt!: Date;
}

@ObjectType('Tag')
export class TagModel {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@ObjectType('NonHumanIdentity', {
  description: 'A service account, key, token, certificate, secret, workload identity, AI agent, or another kind a source names.',
})
@Directive('@key(fields: "id")')
export class IdentityModel {
  @Field(() => ID)
  id!: string;

  @Field(() => IdentityKind)
  kind!: NhiKind;

  @Field(() => String, {
    nullable: true,
    description: "The source's own word for the kind when no vocabulary knows it (kind is then OTHER); null for a known kind.",
  })
  sourceKind!: string | null;

  @Field()
  name!: string;

  @Field({ description: 'Canonical provider, lower case: aws, gcp, azure, github ...' })
  provider!: string;

  @Field({ description: "The provider's own identifier; with provider, the natural key." })
  externalId!: string;

  @Field(() => IdentityEnvironment)
  environment!: NhiEnvironment;

  @Field({ description: 'True when no source gave the environment and it was inferred from names, tags or account hints.' })
  environmentInferred!: boolean;

  @Field(() => String, { nullable: true })
  system!: string | null;

  @Field(() => String, { nullable: true })
  businessUnit!: string | null;

  @Field(() => [String])
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

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'A hash of the credential. The platform never stores the credential.' })
  credentialFingerprint!: string | null;

  @Field(() => IdentityStatus)
  status!: IdentityStatusValue;

  @Field(() => Date, { nullable: true })
  decommissionedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decommissionedBy!: string | null;

  @Field(() => String, { nullable: true })
  decommissionReason!: string | null;

  @Field()
  firstSeenAt!: Date;

  @Field()
  lastSeenAt!: Date;
}
