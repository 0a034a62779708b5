import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { MutationInput } from './mutation-input';
import { UserErrorCode, UserErrorModel } from './user-error';

/** The part of every payload that says whether the mutation did its work. */
@ObjectType({ isAbstract: true })
export abstract class MutationPayload {
  @Field(() => [UserErrorModel], {
    description:
      'Why the mutation did nothing, when it refused; empty when it succeeded. Authentication and server failures are top-level errors instead.',
  })
  userErrors!: UserErrorModel[];

  @Field(() => String, { nullable: true, description: "The input's clientMutationId, as sent." })
  clientMutationId!: string | null;
}

/** A refusal a resolver can return directly, where no service call throws it. */
export function userError(code: UserErrorCode, message: string, field?: readonly string[]): UserErrorModel {
  return { code, message, field: field ? [...field] : null };
}

/**
 * Refusals from errors the services already throw: a user can fix these, so the
 * payload carries them. Anything else (UNAUTHENTICATED, a server fault) stays a
 * top-level error, which is what the issue asks of authentication and failures.
 */
const CODES: Record<string, UserErrorCode> = {
  BAD_USER_INPUT: UserErrorCode.INVALID,
  NOT_FOUND: UserErrorCode.NOT_FOUND,
  FORBIDDEN: UserErrorCode.FORBIDDEN,
  CONFLICT: UserErrorCode.CONFLICT,
};

/** The user error an error stands for, or null when it is not the user's to fix. */
export function asUserError(error: unknown): UserErrorModel | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = CODES[String(error.extensions['code'])];
  if (!code) return null;
  const field = error.extensions['field'];
  return userError(code, error.message, typeof field === 'string' && field ? field.split('.') : undefined);
}

/**
 * Runs a mutation's work and shapes its payload: the result's fields on
 * success, or the refusal as userErrors with everything else null. A thrown
 * user-fixable GraphQLError becomes data; other errors propagate.
 */
export async function mutationPayload<R extends object>(
  input: MutationInput,
  work: () => Promise<R>,
): Promise<Partial<R> & { userErrors: UserErrorModel[]; clientMutationId: string | null }> {
  const clientMutationId = input.clientMutationId ?? null;
  try {
    const result = await work();
    return { ...result, userErrors: [], clientMutationId };
  } catch (error) {
    const refusal = asUserError(error);
    if (!refusal) throw error;
    return { userErrors: [refusal], clientMutationId } as Partial<R> & { userErrors: UserErrorModel[]; clientMutationId: string | null };
  }
}

/** A conflict with the object's state, as services throw it (code CONFLICT), for mutationPayload to return as data. */
export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...(field ? { field } : {}) } });
}
