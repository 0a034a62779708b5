import type { NextFunction, Request, Response } from 'express';
import { Actor, hasAnyRole, whoHas } from './actor';
import { ACTOR_HEADER, ActorHeaderError, verifyActorHeader } from './actor-header';
import { READ_ROLES } from './authorisation/access-rules';

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/**
 * Subgraphs trust only the gateway: every request to the graph (queries,
 * mutations, `_entities`, `_service`) must carry a valid signed actor header.
 */
export function actorMiddleware(signingKey: string) {
  return (req: RequestWithActor, res: Response, next: NextFunction): void => {
    let actor: Actor;
    try {
      actor = verifyActorHeader(req.header(ACTOR_HEADER), signingKey);
    } catch (error) {
      const message = error instanceof ActorHeaderError ? error.message : 'request refused';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    // Integrators talk over Kafka and the bulk ingest endpoint; the graph, reads included, is not theirs.
    if (!hasAnyRole(actor, READ_ROLES)) {
      const message = `Forbidden: the graph needs one of the roles ${READ_ROLES.join(', ')}; ${whoHas(actor)}`;
      res.status(403).json({ errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    req.actor = actor;
    next();
  };
}
