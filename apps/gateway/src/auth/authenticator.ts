import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { Actor, AuthenticationError, bearerToken, createJwtVerifier, JwtVerifier, loadOrCreateDevKeys } from '@nhi/auth';
import type { GatewayConfig } from '../config';

/** Turns the Authorization header into a verified actor, or a GraphQL UNAUTHENTICATED error with no data. */
export class Authenticator {
  private readonly verify: JwtVerifier;

  constructor(config: GatewayConfig, publicKeyPem?: string) {
    this.verify = createJwtVerifier({
      jwksUrl: config.JWT_JWKS_URL,
      publicKeyPem: config.JWT_JWKS_URL ? undefined : (publicKeyPem ?? devPublicKey(config.DEV_KEYS_DIR)),
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
      algorithms: config.JWT_ALGORITHMS,
      rolesClaim: config.JWT_ROLES_CLAIM,
      ownerRefsClaim: config.JWT_OWNER_REFS_CLAIM,
    });
  }

  async authenticate(authorization: string | undefined): Promise<Actor> {
    try {
      return await this.verify(bearerToken(authorization));
    } catch (error) {
      const message = error instanceof AuthenticationError ? error.message : 'authentication failed';
      throw new GraphQLError(`Unauthenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
  }
}

function devPublicKey(directory: string): string {
  const file = path.join(directory, 'jwt-dev-public.pem');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return loadOrCreateDevKeys(directory).publicKeyPem;
  }
}
