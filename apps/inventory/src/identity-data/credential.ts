import { LONG_LIVED_CREDENTIAL_TYPES } from '@nhi/contracts';

export const CREDENTIAL_TYPES = [
  'ACCESS_KEY',
  'CLIENT_SECRET',
  'SERVICE_ACCOUNT_KEY',
  'CERTIFICATE',
  'TOKEN',
  'SSH_KEY',
  'PASSWORD',
  'PRIVATE_KEY',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const CREDENTIAL_STATUSES = ['ACTIVE', 'INACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/**
 * A credential an identity holds, as kept in the identity's row (jsonb, see
 * ADR 0019): the provider's id for it and metadata, never the secret. Times
 * are ISO strings, as JSON keeps them.
 */
export interface StoredCredential {
  /** The platform's id, kept across sightings for the same type and externalId. */
  id: string;
  type: CredentialType;
  externalId: string;
  fingerprint: string | null;
  status: CredentialStatus;
  createdAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** The source said it was never used (not merely that it does not know). */
  neverUsed: boolean;
  lastRotatedAt: string | null;
}

/** Long-lived secrets someone holds (OWASP NHI7): the contract's list, shared with lifecycle's rotation targets. */
export const LONG_LIVED_TYPES: ReadonlySet<CredentialType> = LONG_LIVED_CREDENTIAL_TYPES;

/** How a finding or a reviewer names a credential: its type and the provider's id, never a secret. */
export function credentialLabel(credential: Pick<StoredCredential, 'type' | 'externalId'>): string {
  return `${credential.type.toLowerCase().replace(/_/g, ' ')} ${credential.externalId}`;
}
