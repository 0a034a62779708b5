import type { IdentitySnapshot } from '@nhi/contracts';

/** A credential an identity holds, as inventory's events describe it (metadata only). */
export type KnownCredential = NonNullable<IdentitySnapshot['credentials']>[number];

/** A credential named by a rotation: the platform's id and the provider's, never the secret. */
export interface CredentialRef {
  id: string;
  type: KnownCredential['type'];
  externalId: string;
}
