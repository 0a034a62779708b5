import { createPublicKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, JWTVerifyGetKey } from 'jose';
import { Actor, isRole } from './actor';

export interface JwtVerifierOptions {
  /** Production: keys from the identity provider's JWKS. */
  jwksUrl?: string;
  /** Local development: the dev public key (PEM). Used only when jwksUrl is not set. */
  publicKeyPem?: string;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  algorithms: string[];
  rolesClaim: string;
  /** Claim values (identity-provider groups) to roles; a value that is a role name counts as itself. */
  roleMap?: Record<string, string>;
  ownerRefsClaim: string;
  sourcesClaim: string;
}

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

export type JwtVerifier = (token: string) => Promise<Actor>;

function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Maps verified claims to an actor; unknown roles are dropped, not trusted. */
export function actorFromClaims(
  payload: JWTPayload,
  claims: Pick<JwtVerifierOptions, 'rolesClaim' | 'roleMap' | 'ownerRefsClaim' | 'sourcesClaim'>,
): Actor {
  if (!payload.sub) throw new AuthenticationError('token has no subject (sub)');
  return {
    sub: payload.sub,
    roles: [...new Set(toStrings(payload[claims.rolesClaim]).map((value) => claims.roleMap?.[value] ?? value))].filter(isRole),
    ownerRefs: toStrings(payload[claims.ownerRefsClaim]),
    sources: toStrings(payload[claims.sourcesClaim]),
  };
}

function explain(error: unknown, expected: Pick<JwtVerifierOptions, 'issuer' | 'audience'>): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `token is for another audience: aud must include "${expected.audience}"`;
    if (error.claim === 'iss') return `token is from another issuer: iss must be "${expected.issuer}"`;
    return `token claim "${error.claim}" is not accepted: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token is malformed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was signed by an unknown key';
  if (error instanceof AuthenticationError) return error.message;
  return 'token could not be verified';
}

/** A verifier for bearer tokens: RS256/ES256 via JWKS in production, the dev public key locally. */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  let key: JWTVerifyGetKey | KeyObject;
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
  } else if (options.publicKeyPem) {
    key = createPublicKey(options.publicKeyPem);
  } else {
    throw new Error('JWT verification needs a JWKS URL or a public key');
  }

  return async (token: string) => {
    try {
      const { payload } = await jwtVerify(token, key as KeyObject, {
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockToleranceSeconds,
        algorithms: options.algorithms,
        requiredClaims: ['exp', 'sub'],
      });
      return actorFromClaims(payload, options);
    } catch (error) {
      throw new AuthenticationError(explain(error, options));
    }
  };
}

/** Extracts the token from an Authorization header value. */
export function bearerToken(authorization: string | undefined): string {
  if (!authorization) throw new AuthenticationError('missing Authorization header: send "Authorization: Bearer <token>"');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
  return match[1];
}
