import { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { Role } from './actor';

export interface DevKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The local signing key pair for dev tokens. Generated on first use into a
 * git-ignored folder, never committed: a key in the repository would be a key for everyone.
 */
export function loadOrCreateDevKeys(directory: string): DevKeys {
  const privatePath = path.join(directory, 'jwt-dev-private.pem');
  const publicPath = path.join(directory, 'jwt-dev-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const keys = generateDevKeys();
    writeFileSync(privatePath, keys.privateKeyPem, { mode: 0o600 });
    writeFileSync(publicPath, keys.publicKeyPem, { mode: 0o644 });
  }
  return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
}

export function generateDevKeys(): DevKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export interface DevTokenInput {
  sub: string;
  roles: Role[];
  ownerRefs?: string[];
  sources?: string[];
  issuer: string;
  audience: string;
  ttlSeconds?: number;
}

/** Mints an RS256 token the gateway accepts in development. */
export async function mintDevToken(privateKeyPem: string, input: DevTokenInput): Promise<string> {
  return new SignJWT({ roles: input.roles, owner_refs: input.ownerRefs ?? [], sources: input.sources ?? [] })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setSubject(input.sub)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(`${input.ttlSeconds ?? 8 * 3600}s`)
    .sign(createPrivateKey(privateKeyPem));
}
