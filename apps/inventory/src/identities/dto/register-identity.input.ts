import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import { IdentityEnvironment, IdentityKind, IdentityPrivilegeLevel } from '../identity-enums';

/** One identity reported by one source. Bulk, multi-source ingest with normalisation builds on this. */
@InputType()
export class RegisterIdentityInput {
  @Field({ description: 'The discovery source reporting the identity, e.g. "aws-config" or "vault".' })
  @IsString()
  @Length(1, 100)
  source!: string;

  @Field(() => IdentityKind)
  @IsIn(Object.values(IdentityKind))
  kind!: NhiKind;

  @Field()
  @IsString()
  @Length(1, 300)
  name!: string;

  @Field()
  @IsString()
  @Length(1, 64)
  provider!: string;

  @Field()
  @IsString()
  @Length(1, 500)
  externalId!: string;

  @Field(() => IdentityEnvironment, { nullable: true, defaultValue: 'UNKNOWN' })
  @IsOptional()
  @IsIn(Object.values(IdentityEnvironment))
  environment?: NhiEnvironment;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  system?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessUnit?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  scopes?: string[];

  @Field(() => IdentityPrivilegeLevel, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(IdentityPrivilegeLevel))
  privilegeLevel?: PrivilegeLevel | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A hash of the credential such as "sha256:<base64>". Never the credential itself.' })
  @IsOptional()
  @Matches(/^(sha256|sha1|sha512):[A-Za-z0-9+/=_-]{16,128}$/, {
    message: 'credentialFingerprint must be "<sha256|sha1|sha512>:<hash>", a hash of the credential and never the credential itself',
  })
  credentialFingerprint?: string | null;
}
