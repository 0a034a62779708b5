import { GraphQLError } from 'graphql';
import { Actor, hasAnyRole, READ_ROLES } from '@nhi/auth';

/**
 * Refuses, before planning, an actor that has none of the roles that may read the graph
 * (the subgraphs refuse it too), naming the roles it has: integrators use Kafka topics
 * and the bulk ingest endpoint instead.
 */
export function assertGraphQLAccess(actor: Actor): Actor {
  if (hasAnyRole(actor, READ_ROLES)) return actor;
  const has =
    actor.roles.length === 0
      ? 'a token with no roles has'
      : `the ${actor.roles.join(', ')} role${actor.roles.length > 1 ? 's have' : ' has'}`;
  const hint = actor.roles.includes('integrator') ? '; integrators use Kafka topics and the bulk ingest endpoint' : '';
  throw new GraphQLError(`Forbidden: ${has} no GraphQL access${hint} (GraphQL needs one of ${READ_ROLES.join(', ')})`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
