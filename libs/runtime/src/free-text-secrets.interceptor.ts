import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { getNullableType, isObjectType, type GraphQLOutputType } from 'graphql';
import { of, type Observable } from 'rxjs';
import { badInput, userError, UserErrorCode } from '@nhi/graphql';
import { findSecretInValue, secretFieldMessage, type SecretField } from '@nhi/secrets';

const CHECKS_OWN_SECRETS = Symbol('checksOwnSecrets');

/**
 * Marks a mutation that judges secret-looking input itself, field by field, instead of refusing the
 * whole call (ingestIdentities lists a row with a secret among its rejected rows and imports the rest).
 */
export const ChecksOwnSecrets = (): MethodDecorator => SetMetadata(CHECKS_OWN_SECRETS, true);

/** A mutation of the payload form (ADR 0037): its refusals are userErrors, not top-level errors. */
function returnsPayload(returnType: GraphQLOutputType | undefined): boolean {
  const type = returnType && getNullableType(returnType);
  return Boolean(type && isObjectType(type) && 'userErrors' in type.getFields());
}

/**
 * The refusal as the payload's userError, with the path from inside `input` as every payload's
 * fields are. The clientMutationId is echoed unless it is where the secret was found.
 */
function secretRefusalPayload(args: Record<string, unknown>, found: SecretField) {
  const [argument, ...inside] = found.field.split('.');
  const input = args['input'] as { clientMutationId?: unknown } | undefined;
  const field = argument === 'input' && inside.length > 0 ? inside : found.field.split('.');
  const message = secretFieldMessage({ ...found, field: field.join('.') });
  const echoed = typeof input?.clientMutationId === 'string' && field.join('.') !== 'clientMutationId' ? input.clientMutationId : null;
  return { userErrors: [userError(UserErrorCode.INVALID, message, field)], clientMutationId: echoed };
}

/**
 * Every subgraph mutation's arguments are checked for secret material before the resolver runs: a
 * reason, a note, a justification, a team name or a rule pattern that looks like a credential is
 * refused with BAD_USER_INPUT naming the argument path and what it looked like, never the value
 * (a mutation of the payload form gets the same refusal as its userError, so that the other mutations
 * of the request keep their results).
 * Nothing has been stored, logged or published at that point; the audit record of the refused call
 * keeps the redacted input (libs/audit). Queries store nothing and are left alone.
 */
@Injectable()
export class FreeTextSecretsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql' && this.isCheckedMutation(context)) {
      const graphql = GqlExecutionContext.create(context);
      const args = graphql.getArgs<Record<string, unknown>>();
      const found = findSecretInValue(args);
      if (found && returnsPayload(graphql.getInfo<{ returnType?: GraphQLOutputType }>()?.returnType)) {
        return of(secretRefusalPayload(args, found));
      }
      if (found) throw badInput(secretFieldMessage(found), found.field);
    }
    return next.handle();
  }

  private isCheckedMutation(context: ExecutionContext): boolean {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType?: { name?: string } } | undefined>();
    if (info?.parentType?.name !== 'Mutation') return false;
    return !this.reflector.getAllAndOverride<boolean>(CHECKS_OWN_SECRETS, [context.getHandler(), context.getClass()]);
  }
}
