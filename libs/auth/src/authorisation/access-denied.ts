import { GraphQLError } from 'graphql';

/** A refusal the caller can act on: what was refused and why, with code FORBIDDEN. */
export function accessDenied(message: string): GraphQLError {
  return new GraphQLError(`Forbidden: ${message}`, { extensions: { code: 'FORBIDDEN' } });
}
