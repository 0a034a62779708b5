import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { hasAnyRole, whoHas } from '../actor';
import { actorFromContext, GraphQLContextWithActor } from '../current-actor.decorator';
import { accessDenied } from './access-denied';
import { ACCESS_RULE, AccessRule } from './access-rules';

/**
 * Enforces each resolver's authorisation decision (`@Access` and friends).
 * A resolver without one is refused: forgetting a decision must never open an operation.
 * Plain HTTP controllers decide with RequestAuthenticator instead, so they pass here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const field = `${context.getClass().name}.${context.getHandler().name}`;
    if (!rule) throw accessDenied(`${field} has no authorisation decision, so it is refused`);
    const actor = actorFromContext(GqlExecutionContext.create(context).getContext<GraphQLContextWithActor>());
    if (!hasAnyRole(actor, rule.roles)) {
      throw accessDenied(`to ${rule.action} needs the ${rule.roles.join(' or ')} role; ${whoHas(actor)}`);
    }
    return true;
  }
}
