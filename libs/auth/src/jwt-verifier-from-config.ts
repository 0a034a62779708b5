import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JwtConfig } from '@nhi/config';
import { loadOrCreateDevKeys } from './dev-keys';
import { createJwtVerifier, JwtVerifier } from './jwt-verifier';

/** The dev public key from DEV_KEYS_DIR, made on first use like `npm run token` does. */
function devPublicKey(directory: string): string {
  try {
    return readFileSync(path.join(directory, 'jwt-dev-public.pem'), 'utf8');
  } catch {
    return loadOrCreateDevKeys(directory).publicKeyPem;
  }
}

/** A verifier configured from the JWT_* variables; tests may pass the public key directly. */
export function jwtVerifierFromConfig(config: JwtConfig, publicKeyPem?: string): JwtVerifier {
  return createJwtVerifier({
    jwksUrl: config.JWT_JWKS_URL,
    publicKeyPem: config.JWT_JWKS_URL ? undefined : (publicKeyPem ?? devPublicKey(config.DEV_KEYS_DIR)),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
    algorithms: config.JWT_ALGORITHMS,
    rolesClaim: config.JWT_ROLES_CLAIM,
    roleMap: config.JWT_ROLE_MAP,
    ownerRefsClaim: config.JWT_OWNER_REFS_CLAIM,
    sourcesClaim: config.JWT_SOURCES_CLAIM,
  });
}
