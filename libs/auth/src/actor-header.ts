import { createHmac, timingSafeEqual } from 'node:crypto';
import { Actor, isRole } from './actor';

/** Header that carries the actor from the gateway to the subgraphs. */
export const ACTOR_HEADER = 'x-nhi-actor';
const VERSION = 'v1';

export class ActorHeaderError extends Error {
  override readonly name = 'ActorHeaderError';
}

interface ActorClaims extends Actor {
  iat: number;
  exp: number;
}

function mac(key: string, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

/**
 * Signs the actor with the key shared by gateway and subgraphs (HMAC-SHA256).
 * Short-lived, so a captured header is useless within seconds.
 */
export function signActorHeader(actor: Actor, key: string, ttlSeconds = 60, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: ActorClaims = {
    sub: actor.sub,
    roles: actor.roles,
    ownerRefs: actor.ownerRefs,
    sources: actor.sources ?? [],
    iat,
    exp: iat + ttlSeconds,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${VERSION}.${payload}.${mac(key, payload).toString('base64url')}`;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Verifies signature and expiry and returns the actor; throws ActorHeaderError saying what was wrong. */
export function verifyActorHeader(header: string | undefined, key: string, now = Date.now(), clockSkewSeconds = 5): Actor {
  if (!header) throw new ActorHeaderError(`missing ${ACTOR_HEADER} header: requests must come through the gateway`);
  const [version, payload, signature] = header.split('.');
  if (version !== VERSION || !payload || !signature) throw new ActorHeaderError(`malformed ${ACTOR_HEADER} header`);

  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ActorHeaderError(`invalid ${ACTOR_HEADER} signature`);
  }

  let claims: Partial<ActorClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<ActorClaims>;
  } catch {
    throw new ActorHeaderError(`malformed ${ACTOR_HEADER} payload`);
  }
  const nowSeconds = Math.floor(now / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + clockSkewSeconds < nowSeconds) {
    throw new ActorHeaderError(`expired ${ACTOR_HEADER} header`);
  }
  if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || !claims.roles.every(isRole)) {
    throw new ActorHeaderError(`${ACTOR_HEADER} header lacks a subject or valid roles`);
  }
  return { sub: claims.sub, roles: claims.roles, ownerRefs: strings(claims.ownerRefs), sources: strings(claims.sources) };
}
