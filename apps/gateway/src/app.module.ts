import { readFileSync } from 'node:fs';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { loggingModule } from '@nhi/runtime';
import { ActorForwardingDataSource, GatewayContext } from './auth/actor-forwarding.data-source';
import { Authenticator } from './auth/authenticator';
import { assertGraphQLAccess } from './auth/graphql-access';
import { GatewayConfig, SubgraphName, subgraphUrls } from './config';
import { GATEWAY_CONFIG } from './gateway-config.token';
import { SubgraphHealthController } from './health/subgraph-health.controller';
import { checkBatchSize } from './limits/batch-size';
import { withoutSuggestions } from './limits/field-suggestions';
import { abuseLimitsPlugin } from './limits/limits.plugin';
import { ActorRateLimiter } from './limits/rate-limit';

export interface GatewayOptions {
  publicKeyPem?: string;
  /** Namespaces the rate-limit counters in Redis (tests use their own). */
  rateLimitKeyPrefix?: string;
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED';
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, options: GatewayOptions = {}): DynamicModule {
    const authenticator = new Authenticator(config, options.publicKeyPem);
    const urls = subgraphUrls(config);
    const production = config.NODE_ENV === 'production';
    const rateLimiter = new ActorRateLimiter({
      redisUrl: config.RATE_LIMIT_REDIS_URL,
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      mutationsPerMinute: config.RATE_LIMIT_MUTATIONS_PER_MINUTE,
      authFailuresPerMinute: config.AUTH_FAILURES_PER_MINUTE,
      keyPrefix: options.rateLimitKeyPrefix,
      logger: new Logger('RateLimit'),
    });
    return {
      module: GatewayModule,
      imports: [
        loggingModule({ service: 'gateway', level: config.LOG_LEVEL }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            introspection: config.GRAPHQL_INTROSPECTION,
            includeStacktraceInErrorResponses: !production,
            allowBatchedHttpRequests: config.MAX_BATCH_SIZE > 1,
            parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
            formatError: (formatted) => (config.GRAPHQL_FIELD_SUGGESTIONS ? formatted : withoutSuggestions(formatted)),
            plugins: [
              abuseLimitsPlugin(
                {
                  maxDepth: config.MAX_QUERY_DEPTH,
                  maxCost: config.MAX_QUERY_COST,
                  maxAliases: config.MAX_ALIASES,
                  maxRootFields: config.MAX_ROOT_FIELDS,
                  maxPageSize: config.MAX_PAGE_SIZE,
                  defaultPageSize: config.QUERY_COST_DEFAULT_PAGE_SIZE,
                  listSize: config.QUERY_COST_LIST_SIZE,
                },
                rateLimiter,
              ),
            ],
            context: async ({ req }: { req: Request }): Promise<GatewayContext> => {
              // Before anything else: a large batch is refused before it is authenticated or run.
              const batchRefusal = checkBatchSize(req.body, config.MAX_BATCH_SIZE);
              if (batchRefusal) throw batchRefusal;
              const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
              const blocked = await rateLimiter.refusedClient(client);
              if (blocked) throw blocked;
              try {
                return { actor: assertGraphQLAccess(await authenticator.authenticate(req.headers.authorization)) };
              } catch (error) {
                if (isUnauthenticated(error)) await rateLimiter.authenticationFailed(client);
                throw error;
              }
            },
          },
          gateway: {
            // Composed at build time from the committed subgraph SDLs; nothing is introspected at start.
            supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
            buildService: ({ name, url }) =>
              new ActorForwardingDataSource(
                urls[name as SubgraphName] ?? url ?? '',
                config.ACTOR_SIGNING_KEY,
                config.ACTOR_HEADER_TTL_SECONDS,
                { name, timeoutMs: config.SUBGRAPH_TIMEOUT_MS },
              ),
          },
        }),
      ],
      controllers: [SubgraphHealthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: ActorRateLimiter, useValue: rateLimiter },
      ],
    };
  }
}
