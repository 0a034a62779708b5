import { Actor, hasAnyRole, Role, whoHas } from './actor';
import { ACTOR_HEADER, verifyActorHeader } from './actor-header';
import { bearerToken, type JwtVerifier } from './jwt-verifier';

/** Why a plain HTTP request (not GraphQL) was refused, with the status to answer. */
export class RequestAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
    /** Who was refused, when they were authenticated (a 403): the audit trail names them. */
    readonly actor?: Actor,
  ) {
    super(message);
  }
}

/** The headers of a request, however the framework exposes them. */
export interface HeaderSource {
  header(name: string): string | undefined;
}

/**
 * Who sends a plain HTTP request to a service: the gateway's signed actor
 * header when it relays the call, or the same bearer token the gateway
 * accepts when a client (a connector, an auditor's tool) calls directly.
 */
export class RequestAuthenticator {
  constructor(
    private readonly actorSigningKey: string,
    private readonly verifyJwt: JwtVerifier,
  ) {}

  /** The actor, when it holds one of `roles`; `what` names the action in the 403 message. */
  async authenticate(req: HeaderSource, roles: readonly Role[], what: string): Promise<Actor> {
    let actor: Actor;
    try {
      const signed = req.header(ACTOR_HEADER);
      actor = signed ? verifyActorHeader(signed, this.actorSigningKey) : await this.verifyJwt(bearerToken(req.header('authorization')));
    } catch (error) {
      throw new RequestAuthError(401, `Unauthenticated: ${error instanceof Error ? error.message : 'authentication failed'}`);
    }
    if (!hasAnyRole(actor, roles)) {
      throw new RequestAuthError(403, `Forbidden: ${what} needs the ${roles.join(' or ')} role; ${whoHas(actor)}`, actor);
    }
    return actor;
  }
}
