import { GraphQLError } from 'graphql';

/**
 * The deprecated flat mutations answered a state conflict (already decided, closed, busy) with
 * BAD_USER_INPUT before the services said CONFLICT for the payload forms; this keeps their answer as
 * it was, same message and field.
 */
export async function conflictAsBadInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'CONFLICT') {
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
    }
    throw error;
  }
}
