import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import { badInput } from '@nhi/graphql';
import { findSecretInValue, secretFieldMessage } from '@nhi/secrets';

const CHECKS_OWN_SECRETS = Symbol('checksOwnSecrets');

/**
 * Marks a mutation that judges secret-looking input itself, field by field, instead of refusing the
 * whole call (ingestIdentities lists a row with a secret among its rejected rows and imports the rest).
 */
export const ChecksOwnSecrets = (): MethodDecorator => SetMetadata(CHECKS_OWN_SECRETS, true);

/**
 * Every subgraph mutation's arguments are checked for secret material before the resolver runs: a
 * reason, a note, a justification, a team name or a rule pattern that looks like a credential is
 * refused with BAD_USER_INPUT naming the argument path and what it looked like, never the value.
 * Nothing has been stored, logged or published at that point; the audit record of the refused call
 * keeps the redacted input (libs/audit). Queries store nothing and are left alone.
 */
@Injectable()
export class FreeTextSecretsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql' && this.isCheckedMutation(context)) {
      const found = findSecretInValue(GqlExecutionContext.create(context).getArgs());
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
