import { Field, InputType } from '@nestjs/graphql';

@InputType('TagInput')
export class TagInput {
  @Field()
  key!: string;

  @Field(() => String, { nullable: true })
  value?: string | null;
}

/**
 * One identity as a source reports it, in the source's own words: kind,
 * environment and provider are mapped to canonical values, dates are RFC 3339
 * strings. Loosely typed on purpose: a bad row is reported on its own instead of
 * failing the whole batch at the GraphQL layer.
 */
@InputType('IdentityInput')
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

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'PRODUCTION, prd, prod, stg, dev ...; inferred from hints when absent.' })
  environment?: string | null;

  @Field(() => String, { nullable: true })
  system?: string | null;

  @Field(() => String, { nullable: true })
  businessUnit?: string | null;

  @Field(() => [String], { nullable: true, description: 'Granted scopes, roles or permissions.' })
  scopes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Scopes actually used, when the source has usage data.' })
  usedScopes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time.' })
  createdAt?: string | null;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time.' })
  lastUsedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time.' })
  expiresAt?: string | null;

  @Field(() => String, { nullable: true, description: 'A hash of the credential ("sha256:<hash>"). Never the credential itself.' })
  credentialFingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'How it authenticates: oidc, mtls, password, static-key ...' })
  authMethod?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The source saw interactive (human) use.' })
  interactiveUse?: boolean | null;

  @Field(() => [TagInput], { nullable: true })
  tags?: TagInput[] | null;
}
