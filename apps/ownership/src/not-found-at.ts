import { GraphQLError } from 'graphql';

/**
 * NOT_FOUND, like @nhi/graphql's notFound, but naming the input field that points at nothing, so the
 * payload forms of the mutations can say which one (["toOwnerId"], ["campaignId"]) in userErrors.
 */
export function notFoundAt(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', field } });
}
