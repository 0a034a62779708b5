import { RemoteGraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Actor, ACTOR_HEADER, signActorHeader } from '@nhi/auth';

export interface GatewayContext {
  actor?: Actor;
}

/** Calls one subgraph, carrying the verified actor in a short-lived signed header. */
export class ActorForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signingKey: string,
    private readonly ttlSeconds: number,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loads have no actor; the gateway sends neither to subgraphs at run time.
    if (!('actor' in context) || !context.actor) return;
    request.http?.headers.set(ACTOR_HEADER, signActorHeader(context.actor, this.signingKey, this.ttlSeconds));
  }
}
