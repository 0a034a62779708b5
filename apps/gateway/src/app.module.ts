import { readFileSync } from 'node:fs';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { valueFreeError } from '@nhi/graphql';
import { loggingModule, ServiceMetricsModule } from '@nhi/runtime';
import { ActorForwardingDataSource } from './auth/actor-forwarding.data-source';
import { Authenticator } from './auth/authenticator';
import { GatewayConfig, SubgraphName, subgraphUrls } from './config';
import { GATEWAY_CONFIG } from './gateway-config.token';
import { GraphiQLModule } from './graphiql/graphiql.module';
import { graphqlIdePlugin } from './graphiql/graphiql.plugin';
import { SubgraphHealthController } from './health/subgraph-health.controller';
import { ProgressController } from './progress/progress.controller';
import { withoutSuggestions } from './limits/field-suggestions';
import { abuseLimitsPlugin, OperationLimits } from './limits/limits.plugin';
import { listSizesOf } from './limits/list-sizes';
import { ActorRateLimiter } from './limits/rate-limit';
import { requestContext } from './request-context';

export interface GatewayOptions {
  publicKeyPem?: string;
  /** Namespaces the rate-limit counters in Redis (tests use their own). */
  rateLimitKeyPrefix?: string;
}

function actorRateLimiter(config: GatewayConfig, options: GatewayOptions): ActorRateLimiter {
  return new ActorRateLimiter({
    redisUrl: config.RATE_LIMIT_REDIS_URL,
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    mutationsPerMinute: config.RATE_LIMIT_MUTATIONS_PER_MINUTE,
    authFailuresPerMinute: config.AUTH_FAILURES_PER_MINUTE,
    keyPrefix: options.rateLimitKeyPrefix,
    logger: new Logger('RateLimit'),
  });
}

function operationLimits(config: GatewayConfig): OperationLimits {
  return {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxCost: config.MAX_QUERY_COST,
    maxAliases: config.MAX_ALIASES,
    maxRootFields: config.MAX_ROOT_FIELDS,
    maxPageSize: config.MAX_PAGE_SIZE,
    defaultPageSize: config.QUERY_COST_DEFAULT_PAGE_SIZE,
    listSize: config.QUERY_COST_LIST_SIZE,
    listSizes: listSizesOf(readFileSync(config.SUPERGRAPH_PATH, 'utf8')),
  };
}

/** Apollo Server as the public sees it: what it reveals, what it accepts, who is asking. */
function graphQLServer(
  config: GatewayConfig,
  authenticator: Authenticator,
  rateLimiter: ActorRateLimiter,
): ApolloGatewayDriverConfig['server'] {
  return {
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: config.NODE_ENV !== 'production',
    allowBatchedHttpRequests: config.MAX_BATCH_SIZE > 1,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    formatError: (formatted, error) => {
      const clean = valueFreeError(formatted, error);
      return config.GRAPHQL_FIELD_SUGGESTIONS ? clean : withoutSuggestions(clean);
    },
    // Nest's own GraphiQL loads from a CDN; graphqlIdePlugin serves one offline, and none in production (ADR 0032).
    graphiql: false,
    plugins: [abuseLimitsPlugin(operationLimits(config), rateLimiter), graphqlIdePlugin(config.NODE_ENV === 'production')],
    context: requestContext(authenticator, rateLimiter, config.MAX_BATCH_SIZE),
  };
}

function supergraphGateway(config: GatewayConfig): ApolloGatewayDriverConfig['gateway'] {
  const urls = subgraphUrls(config);
  // ApolloGateway reads only the environment, when it is constructed, to decide whether it sends usage data out.
  process.env['APOLLO_TELEMETRY_DISABLED'] = String(config.APOLLO_TELEMETRY_DISABLED);
  return {
    // Composed at build time from the committed subgraph SDLs; nothing is introspected at start.
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new ActorForwardingDataSource(urls[name as SubgraphName] ?? url ?? '', config.ACTOR_SIGNING_KEY, config.ACTOR_HEADER_TTL_SECONDS, {
        name,
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
      }),
  };
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, options: GatewayOptions = {}): DynamicModule {
    const authenticator = new Authenticator(config, options.publicKeyPem);
    const rateLimiter = actorRateLimiter(config, options);
    return {
      module: GatewayModule,
      imports: [
        loggingModule({ service: 'gateway', level: config.LOG_LEVEL }),
        // GET /metrics: HTTP requests and every GraphQL operation by name, type and error code.
        ServiceMetricsModule.forService('gateway'),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: graphQLServer(config, authenticator, rateLimiter),
          gateway: supergraphGateway(config),
        }),
        GraphiQLModule.forRoot(config.NODE_ENV === 'production'),
      ],
      controllers: [SubgraphHealthController, ProgressController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: ActorRateLimiter, useValue: rateLimiter },
        { provide: Authenticator, useValue: authenticator },
      ],
    };
  }
}
