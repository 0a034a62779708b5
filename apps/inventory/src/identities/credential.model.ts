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
registerEnumType(CredentialTypeEnum, {
  name: 'CredentialType',
  description: 'What sort of credential it is.',
  valuesMap: {
    ACCESS_KEY: { description: 'An access key (such as an AWS access key).' },
    CLIENT_SECRET: { description: "An OAuth client's secret." },
    SERVICE_ACCOUNT_KEY: { description: 'A service-account key (such as a GCP service-account key).' },
    CERTIFICATE: { description: 'A certificate.' },
    TOKEN: { description: 'A token.' },
    SSH_KEY: { description: 'An SSH key.' },
    PASSWORD: { description: 'A password.' },
    PRIVATE_KEY: { description: 'A private key.' },
  },
});
registerEnumType(CredentialStatusEnum, {
  name: 'CredentialStatus',
  description: "The credential's state, as its source last reported it (a completed platform rotation makes it ACTIVE).",
  valuesMap: {
    ACTIVE: { description: 'Active at the provider.' },
    INACTIVE: { description: 'Disabled or marked invalid at the provider.' },
    EXPIRED: { description: 'Expired, as the source reported.' },
    REVOKED: { description: 'Revoked, as the source reported.' },
  },
});

@ObjectType('Credential', { description: 'A credential an identity holds: its id at the provider and metadata, never the secret.' })
export class CredentialModel {
  @Field(() => ID, {
    description:
      "The platform's id for it, kept across sightings of the same type and externalId, and across a platform rotation that replaces it.",
  })
  id!: string;

  @Field(() => CredentialTypeEnum, { description: 'What sort of credential it is.' })
  type!: CredentialType;

  @Field({ description: "The provider's id for it (an access key id, a key's name); never the secret." })
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'A hash of the credential, when a source sent one.' })
  fingerprint!: string | null;

  @Field(() => CredentialStatusEnum, {
    description: 'Its state, as its source last reported it; ACTIVE after a platform rotation replaced it.',
  })
  status!: CredentialStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was created at the provider (the rotation time after a platform rotation); null when unknown.',
  })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it expires; null when it never does or nobody said.' })
  expiresAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last used, as a source reported; null when never used or unknown (see neverUsed).',
  })
  lastUsedAt!: Date | null;

  @Field({ description: 'A source said it was never used; false when it was, or when nobody knows.' })
  neverUsed!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last rotated, as a source or a completed platform rotation reported; null when unknown or never.',
  })
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
