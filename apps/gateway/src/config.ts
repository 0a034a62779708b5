import path from 'node:path';
import { env, loadConfig, z } from '@nhi/config';

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
  NODE_ENV: env.nodeEnv(),
  HOST: env.string('127.0.0.1'),
  PORT: env.port(4000),
  LOG_LEVEL: env.logLevel(),
  ...subgraphUrlShape,
  SUPERGRAPH_PATH: env.string(path.join(process.cwd(), 'apps/gateway/supergraph.graphql')),
  ACTOR_SIGNING_KEY: env.secret(32),
  ACTOR_HEADER_TTL_SECONDS: env.positiveInt(60),
  JWT_JWKS_URL: env.url(['https', 'http']).optional(),
  DEV_KEYS_DIR: env.string(path.join(process.cwd(), '.data/dev-keys')),
  JWT_ISSUER: env.string('nhi-dev'),
  JWT_AUDIENCE: env.string('nhi-platform'),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  JWT_ALGORITHMS: z
    .string()
    .default('RS256,ES256')
    .transform((value) => value.split(',').map((a) => a.trim()))
    .refine((algs) => algs.length > 0 && algs.every((a) => /^(RS|ES|PS)(256|384|512)$/.test(a)), {
      message: 'expected asymmetric JWS algorithms such as RS256,ES256',
    }),
  JWT_ROLES_CLAIM: env.string('roles'),
  JWT_OWNER_REFS_CLAIM: env.string('owner_refs'),
  SHUTDOWN_TIMEOUT_MS: env.positiveInt(10000),
};

export type GatewayConfig = z.output<z.ZodObject<typeof gatewayEnvShape>>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv): GatewayConfig {
  const shape = {
    ...gatewayEnvShape,
    // Dev keys are for laptops and CI; production verifies tokens against the identity provider's JWKS.
    JWT_JWKS_URL: source['NODE_ENV'] === 'production' ? env.url(['https']) : gatewayEnvShape.JWT_JWKS_URL,
  };
  return loadConfig('gateway', shape, source) as GatewayConfig;
}

export function subgraphUrls(config: GatewayConfig): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`]]),
  ) as Record<SubgraphName, string>;
}
