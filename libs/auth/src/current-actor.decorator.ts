import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from './actor';
import type { RequestWithActor } from './actor.middleware';

export interface GraphQLContextWithActor {
  req: RequestWithActor;
}

export function actorFromContext(context: GraphQLContextWithActor): Actor {
  const actor = context.req?.actor;
  if (!actor) throw new UnauthorizedException('no verified actor on this request');
  return actor;
}

/** The verified actor of the current GraphQL request, for resolvers. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  actorFromContext(GqlExecutionContext.create(context).getContext<GraphQLContextWithActor>()),
);
