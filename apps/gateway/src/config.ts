import path from 'node:path';
import { env, jwtEnvShape, loadConfig, tracingEnvShape, z } from '@nhi/config';

export const SUBGRAPHS = [
  { name: 'inventory', port: 4001 },
  { name: 'ownership', port: 4002 },
  { name: 'lifecycle', port: 4003 },
  { name: 'exceptions', port: 4004 },
  { name: 'metrics', port: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

const subgraphUrlShape = Object.fromEntries(
  SUBGRAPHS.map(({ name, port }) => [`${name.toUpperCase()}_URL`, env.url(['http', 'https'], `http://127.0.0.1:${port}/graphql`)]),
) as Record<`${Uppercase<SubgraphName>}_URL`, ReturnType<typeof env.url>>;

/** Comma-separated browser origins allowed cross-origin access; "none" (or nothing in production) allows none. */
const corsOrigins = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value.trim().toLowerCase() === 'none'
        ? []
        : value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), {
      message: 'expected a comma-separated list of origins such as https://portal.example.com, or none',
    });

/**
 * Abuse limits (README, "Abuse limits (gateway)"). Defaults depend on NODE_ENV
 * where production must be stricter than a developer's machine and benchmarks.
 */
export function gatewayLimitsEnvShape(environment: NodeJS.ProcessEnv) {
  const production = environment['NODE_ENV'] === 'production';
  return {
    /** Bounds the work of parsing and validating before any other limit can look at the operation. */
    MAX_QUERY_TOKENS: env.positiveInt(10_000),
    MAX_QUERY_DEPTH: env.positiveInt(12),
    MAX_QUERY_COST: env.positiveInt(5000),
    /** What a paged field costs when it names no page size and the schema has no default (the subgraphs' default page). */
    QUERY_COST_DEFAULT_PAGE_SIZE: env.positiveInt(50),
    /** How many items a list field without a page argument is assumed to hold. */
    QUERY_COST_LIST_SIZE: env.positiveInt(10),
    MAX_ALIASES: env.positiveInt(100),
    MAX_ROOT_FIELDS: env.positiveInt(100),
    MAX_BATCH_SIZE: env.positiveInt(10),
    MAX_PAGE_SIZE: env.positiveInt(500),
    SUBGRAPH_TIMEOUT_MS: env.positiveInt(30_000),
    RATE_LIMIT_REDIS_URL: env.url(['redis', 'rediss'], 'redis://127.0.0.1:6379'),
    RATE_LIMIT_PER_MINUTE: env.positiveInt(production ? 600 : 10_000),
    RATE_LIMIT_MUTATIONS_PER_MINUTE: env.positiveInt(production ? 120 : 5_000),
    /** Failed authentications a client address may make per minute before it is refused outright for the rest of it. */
    AUTH_FAILURES_PER_MINUTE: env.positiveInt(production ? 30 : 1_000),
    /** Proxies in front of the gateway whose X-Forwarded-For is trusted for the client address (0: none). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    GRAPHQL_INTROSPECTION: env.boolean(!production),
    GRAPHQL_FIELD_SUGGESTIONS: env.boolean(!production),
    CORS_ORIGINS: corsOrigins(production ? 'none' : 'http://localhost:3000'),
  };
}

export const gatewayEnvShape = {
  ...jwtEnvShape({}),
  NODE_ENV: env.nodeEnv(),
  HOST: env.string('127.0.0.1'),
  PORT: env.port(4000),
  LOG_LEVEL: env.logLevel(),
  ...subgraphUrlShape,
  SUPERGRAPH_PATH: env.string(path.join(process.cwd(), 'apps/gateway/supergraph.graphql')),
  ACTOR_SIGNING_KEY: env.secret(32),
  ACTOR_HEADER_TTL_SECONDS: env.positiveInt(60),
  SHUTDOWN_TIMEOUT_MS: env.positiveInt(10000),
  /** Largest JSON request body (ingest batches are the big ones). */
  BODY_LIMIT: env.byteSize('16mb'),
  /** @apollo/gateway reports anonymous usage to Apollo unless this is true; a governance platform sends nothing out unasked. */
  APOLLO_TELEMETRY_DISABLED: env.boolean(true),
  ...gatewayLimitsEnvShape({}),
  ...tracingEnvShape(),
};

export type GatewayConfig = z.output<z.ZodObject<typeof gatewayEnvShape>>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv): GatewayConfig {
  return loadConfig('gateway', { ...gatewayEnvShape, ...jwtEnvShape(source), ...gatewayLimitsEnvShape(source) }, source) as GatewayConfig;
}

export function subgraphUrls(config: GatewayConfig): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`]]),
  ) as Record<SubgraphName, string>;
}
