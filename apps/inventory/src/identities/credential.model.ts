import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CREDENTIAL_STATUSES,
  CREDENTIAL_TYPES,
  type CredentialStatus,
  type CredentialType,
  type StoredCredential,
} from '../identity-data/credential';

export const CredentialTypeEnum = Object.fromEntries(CREDENTIAL_TYPES.map((t) => [t, t])) as { [K in CredentialType]: K };
export const CredentialStatusEnum = Object.fromEntries(CREDENTIAL_STATUSES.map((s) => [s, s])) as { [K in CredentialStatus]: K };
registerEnumType(CredentialTypeEnum, { name: 'CredentialType' });
registerEnumType(CredentialStatusEnum, { name: 'CredentialStatus' });

@ObjectType('Credential', { description: 'A credential an identity holds: its id at the provider and metadata, never the secret.' })
export class CredentialModel {
  @Field(() => ID)
  id!: string;

  @Field(() => CredentialTypeEnum)
  type!: CredentialType;

  @Field({ description: "The provider's id for it (an access key id, a key's name); never the secret." })
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'A hash of the credential, when a source sent one.' })
  fingerprint!: string | null;

  @Field(() => CredentialStatusEnum)
  status!: CredentialStatus;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field({ description: 'A source said it was never used; false when it was, or when nobody knows.' })
  neverUsed!: boolean;

  @Field(() => Date, { nullable: true })
  lastRotatedAt!: Date | null;
}

const date = (value: string | null) => (value ? new Date(value) : null);

export function credentialModel(c: StoredCredential): CredentialModel {
  return {
    ...c,
    createdAt: date(c.createdAt),
    expiresAt: date(c.expiresAt),
    lastUsedAt: date(c.lastUsedAt),
    lastRotatedAt: date(c.lastRotatedAt),
  };
}
