import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { RequestWithActor } from '@nhi/auth';
import { valueFreeError } from './value-free-errors';

export interface SubgraphContext {
  req: RequestWithActor;
  /** Per-request DataLoaders, so entity resolution is batched into one query per request. */
  loaders: Map<string, unknown>;
}

export interface SubgraphGraphQLOptions {
  production: boolean;
  /** Types reachable only through `_entities` (an entity this subgraph extends), which code first would otherwise leave out. */
  orphanedTypes?: Type[];
}

/** What a subgraph's schema is printed from: its resolvers and the entity types it only extends. */
export interface SubgraphSchema {
  resolvers: Type[];
  orphanedTypes: Type[];
}

/**
 * Apollo Federation 2, code first. The schema is built in memory; the
 * committed SDL file is written by the `sdl` target and checked for drift.
 */
export function subgraphGraphQLModule(options: SubgraphGraphQLOptions = { production: false }): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    path: '/graphql',
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
    // No IDE on a subgraph: it answers only the gateway's signed requests; GraphiQL is on the gateway (ADR 0032).
    graphiql: false,
    // Subgraphs are reached only through the gateway; stack traces never leave the service.
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // Clients may call a subgraph through the gateway or (tests, operators) directly: errors are clean either way.
    formatError: valueFreeError,
    // Traces would go to Apollo's cloud through the gateway; this platform does not send data there. Nothing here
    // sets cache hints and the gateway caches nothing, yet the cache-control plugin hooks every field of every
    // response (a 100-entity page resolves thousands): off.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    context: ({ req }: { req: RequestWithActor }): SubgraphContext => ({ req, loaders: new Map() }),
  });
}
