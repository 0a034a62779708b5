import type { IdentitySnapshot } from './events/definitions';

export type CredentialType = NonNullable<IdentitySnapshot['credentials']>[number]['type'];

/**
 * Credentials that are long-lived secrets someone holds (OWASP NHI7): keys,
 * secrets, tokens and passwords. Inventory's age and use findings and
 * lifecycle's rotation targets both mean these; a certificate is renewed at its
 * expiry instead.
 */
export const LONG_LIVED_CREDENTIAL_TYPES: ReadonlySet<CredentialType> = new Set<CredentialType>([
  'ACCESS_KEY',
  'CLIENT_SECRET',
  'SERVICE_ACCOUNT_KEY',
  'TOKEN',
  'SSH_KEY',
  'PASSWORD',
  'PRIVATE_KEY',
]);
