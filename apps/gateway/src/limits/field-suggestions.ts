import type { GraphQLFormattedError } from 'graphql';

/** graphql-js appends "Did you mean ...?" to validation errors, which leaks the schema when introspection is off. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(/\s*Did you mean [^?]*\?\s*$/, '');
  return message === error.message ? error : { ...error, message };
}
