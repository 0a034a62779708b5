import { GraphQLError } from 'graphql';
import { badInput } from '@nhi/graphql';

/**
 * Runs the work of a deprecated flat-argument mutation so it answers as it always did: the
 * services now throw CONFLICT for a state conflict (the payload forms report it as such), which
 * the old forms keep reporting as BAD_USER_INPUT, same message and field.
 */
export async function withLegacyCodes<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'CONFLICT') {
      const field = error.extensions['field'];
      throw badInput(error.message, typeof field === 'string' ? field : undefined);
    }
    throw error;
  }
}
