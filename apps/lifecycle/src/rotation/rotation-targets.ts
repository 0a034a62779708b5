import type { IdentitySnapshot } from '@nhi/contracts';

export type KnownCredential = NonNullable<IdentitySnapshot['credentials']>[number];
export interface CredentialRef {
  id: string;
  type: KnownCredential['type'];
  externalId: string;
}

/** Long-lived secrets someone holds (inventory's LONG_LIVED_TYPES): what a rotation replaces. A certificate is renewed, not rotated. */
const ROTATED_TYPES = new Set<KnownCredential['type']>([
  'ACCESS_KEY',
  'CLIENT_SECRET',
  'SERVICE_ACCOUNT_KEY',
  'TOKEN',
  'SSH_KEY',
  'PASSWORD',
  'PRIVATE_KEY',
]);

/** The credentials a rotation targets by default: every active long-lived one the identity holds. */
export function rotationTargets(credentials: readonly KnownCredential[]): CredentialRef[] {
  return credentials
    .filter((c) => c.status === 'ACTIVE' && ROTATED_TYPES.has(c.type))
    .map(({ id, type, externalId }) => ({ id, type, externalId }));
}
