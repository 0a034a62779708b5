import { GraphQLError } from 'graphql';
import { Actor, Role, ROLES } from '@nhi/auth';

/** Roles that may use the GraphQL API; integrators use Kafka topics and the bulk ingest endpoint instead. */
export const GRAPHQL_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'integrator');

/** Refuses an authenticated actor that has none of the GraphQL roles, naming the roles it has. */
export function assertGraphQLAccess(actor: Actor): Actor {
  if (actor.roles.some((role) => GRAPHQL_ROLES.includes(role))) return actor;
  const has =
    actor.roles.length === 0
      ? 'a token with no roles has'
      : `the ${actor.roles.join(', ')} role${actor.roles.length > 1 ? 's have' : ' has'}`;
  const hint = actor.roles.includes('integrator') ? '; integrators use Kafka topics and the bulk ingest endpoint' : '';
  throw new GraphQLError(`Forbidden: ${has} no GraphQL access${hint} (GraphQL needs one of ${GRAPHQL_ROLES.join(', ')})`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
