import { LONG_LIVED_CREDENTIAL_TYPES } from '@nhi/contracts';
import type { CredentialRef, KnownCredential } from '../identity-data/known-credential';

export type { CredentialRef, KnownCredential } from '../identity-data/known-credential';

/** The credentials a rotation targets by default: every active long-lived one the identity holds (a certificate is renewed, not rotated). */
export function rotationTargets(credentials: readonly KnownCredential[]): CredentialRef[] {
  return credentials
    .filter((c) => c.status === 'ACTIVE' && LONG_LIVED_CREDENTIAL_TYPES.has(c.type))
    .map(({ id, type, externalId }) => ({ id, type, externalId }));
}
