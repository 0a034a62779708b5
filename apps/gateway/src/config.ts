import path from 'node:path';
import { env, jwtEnvShape, loadConfig, z } from '@nhi/config';

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
};

export type GatewayConfig = z.output<z.ZodObject<typeof gatewayEnvShape>>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv): GatewayConfig {
  return loadConfig('gateway', { ...gatewayEnvShape, ...jwtEnvShape(source) }, source) as GatewayConfig;
}

export function subgraphUrls(config: GatewayConfig): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`]]),
  ) as Record<SubgraphName, string>;
}
