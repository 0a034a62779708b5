import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './auth/actor-forwarding.data-source';
import type { Authenticator } from './auth/authenticator';
import { assertGraphQLAccess } from './auth/graphql-access';
import { checkBatchSize } from './limits/batch-size';
import type { ActorRateLimiter } from './limits/rate-limit';

function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED';
}

/**
 * The context of every GraphQL request: the verified actor. The cheap refusals come
 * first, so a flood of large batches or bad tokens costs no signature checks.
 */
export function requestContext(authenticator: Authenticator, rateLimiter: ActorRateLimiter, maxBatchSize: number) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    // Before anything else: a large batch is refused before it is authenticated or run.
    const batchRefusal = checkBatchSize(req.body, maxBatchSize);
    if (batchRefusal) throw batchRefusal;
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const blocked = await rateLimiter.refusedClient(client);
    if (blocked) throw blocked;
    try {
      return { actor: assertGraphQLAccess(await authenticator.authenticate(req.headers.authorization)) };
    } catch (error) {
      if (isUnauthenticated(error)) await rateLimiter.authenticationFailed(client);
      throw error;
    }
  };
}
