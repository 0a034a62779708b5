import { createHash } from 'node:crypto';

/** The fingerprint the platform stores for a credential: `sha256:<hex>` of it. Send this, never the credential. */
export function credentialFingerprint(credential: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(credential).digest('hex')}`;
}
