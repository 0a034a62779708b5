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
  ownerRefsClaim: string;
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
export function actorFromClaims(payload: JWTPayload, rolesClaim: string, ownerRefsClaim: string): Actor {
  if (!payload.sub) throw new AuthenticationError('token has no subject (sub)');
  return {
    sub: payload.sub,
    roles: toStrings(payload[rolesClaim]).filter(isRole),
    ownerRefs: toStrings(payload[ownerRefsClaim]),
  };
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim "${error.claim}" is not accepted: ${error.reason}`;
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
      return actorFromClaims(payload, options.rolesClaim, options.ownerRefsClaim);
    } catch (error) {
      throw new AuthenticationError(explain(error));
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
