import { createHash } from 'node:crypto';

/**
 * The OpenSSH SHA-256 fingerprint (`SHA256:…`, as `ssh-keygen -l` and GitHub
 * show it) of a public key line (`ssh-ed25519 AAAA… comment`), or undefined when
 * the line is not a well-formed public key. The key itself is never kept.
 */
export function sshFingerprint(publicKey: string): string | undefined {
  const [type, body] = publicKey.trim().split(/\s+/);
  if (!type || !body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const blob = Buffer.from(body, 'base64');
  // The blob starts with its key type, as a length-prefixed string: it must match the line's.
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length !== type.length || blob.subarray(4, 4 + length).toString('latin1') !== type) return undefined;
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
