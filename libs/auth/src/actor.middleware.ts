import type { NextFunction, Request, Response } from 'express';
import { Actor } from './actor';
import { ACTOR_HEADER, ActorHeaderError, verifyActorHeader } from './actor-header';

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/**
 * Subgraphs trust only the gateway: every request to the graph (queries,
 * mutations, `_entities`, `_service`) must carry a valid signed actor header.
 */
export function actorMiddleware(signingKey: string) {
  return (req: RequestWithActor, res: Response, next: NextFunction): void => {
    try {
      req.actor = verifyActorHeader(req.header(ACTOR_HEADER), signingKey);
      next();
    } catch (error) {
      const message = error instanceof ActorHeaderError ? error.message : 'request refused';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}
