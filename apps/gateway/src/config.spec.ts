import { ConfigError } from '@nhi/config';
import { loadGatewayConfig, subgraphUrls } from './config';

const key = 'k'.repeat(32);

describe('gateway configuration', () => {
  it('routes to the default subgraph ports unless told otherwise', () => {
    const config = loadGatewayConfig({ ACTOR_SIGNING_KEY: key, METRICS_URL: 'http://metrics.internal:8080/graphql' });

    expect(subgraphUrls(config)).toEqual({
      inventory: 'http://127.0.0.1:4001/graphql',
      ownership: 'http://127.0.0.1:4002/graphql',
      lifecycle: 'http://127.0.0.1:4003/graphql',
      exceptions: 'http://127.0.0.1:4004/graphql',
      metrics: 'http://metrics.internal:8080/graphql',
    });
    expect(config.JWT_ALGORITHMS).toEqual(['RS256', 'ES256']);
  });

  it('requires an https JWKS URL in production: dev keys never verify production tokens', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', ACTOR_SIGNING_KEY: key })).toThrow(/JWT_JWKS_URL: is required/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', ACTOR_SIGNING_KEY: key, JWT_JWKS_URL: 'http://idp/jwks' })).toThrow(
      /JWT_JWKS_URL: expected a https URL/,
    );
    expect(loadGatewayConfig({ NODE_ENV: 'production', ACTOR_SIGNING_KEY: key, JWT_JWKS_URL: 'https://idp/jwks' }).JWT_JWKS_URL).toBe(
      'https://idp/jwks',
    );
  });

  it("keeps @apollo/gateway's usage reporting to Apollo off unless asked for", () => {
    expect(loadGatewayConfig({ ACTOR_SIGNING_KEY: key }).APOLLO_TELEMETRY_DISABLED).toBe(true);
    expect(loadGatewayConfig({ ACTOR_SIGNING_KEY: key, APOLLO_TELEMETRY_DISABLED: 'false' }).APOLLO_TELEMETRY_DISABLED).toBe(false);
  });

  it('refuses symmetric algorithms and bad subgraph URLs', () => {
    const attempt = () => loadGatewayConfig({ ACTOR_SIGNING_KEY: key, JWT_ALGORITHMS: 'HS256', INVENTORY_URL: 'inventory:4001' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/INVENTORY_URL: expected a http or https URL/);
    expect(attempt).toThrow(/JWT_ALGORITHMS: expected asymmetric JWS algorithms/);
  });

  it('applies the abuse limits, stricter in production', () => {
    const development = loadGatewayConfig({ ACTOR_SIGNING_KEY: key });
    const production = loadGatewayConfig({ NODE_ENV: 'production', ACTOR_SIGNING_KEY: key, JWT_JWKS_URL: 'https://idp/jwks' });

    expect(development).toMatchObject({
      MAX_QUERY_DEPTH: 12,
      MAX_QUERY_COST: 5000,
      MAX_ALIASES: 100,
      MAX_ROOT_FIELDS: 100,
      MAX_BATCH_SIZE: 10,
      MAX_PAGE_SIZE: 500,
      SUBGRAPH_TIMEOUT_MS: 30_000,
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_PER_MINUTE: 10_000,
      GRAPHQL_INTROSPECTION: true,
      GRAPHQL_FIELD_SUGGESTIONS: true,
      CORS_ORIGINS: ['http://localhost:3000'],
    });
    expect(production).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_MUTATIONS_PER_MINUTE: 120,
      GRAPHQL_INTROSPECTION: false,
      GRAPHQL_FIELD_SUGGESTIONS: false,
      CORS_ORIGINS: [],
    });
  });

  it('parses CORS origins and the introspection override', () => {
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      ACTOR_SIGNING_KEY: key,
      JWT_JWKS_URL: 'https://idp/jwks',
      CORS_ORIGINS: 'https://portal.example.com, https://admin.example.com',
      GRAPHQL_INTROSPECTION: 'true',
    });

    expect(config.CORS_ORIGINS).toEqual(['https://portal.example.com', 'https://admin.example.com']);
    expect(config.GRAPHQL_INTROSPECTION).toBe(true);
    expect(loadGatewayConfig({ ACTOR_SIGNING_KEY: key, CORS_ORIGINS: 'none' }).CORS_ORIGINS).toEqual([]);
    expect(() => loadGatewayConfig({ ACTOR_SIGNING_KEY: key, CORS_ORIGINS: 'portal.example.com/app', MAX_QUERY_DEPTH: '0' })).toThrow(
      /MAX_QUERY_DEPTH: expected a number above 0[\s\S]*CORS_ORIGINS: expected a comma-separated list of origins/,
    );
  });

  it('reads a map from identity-provider groups to roles, and refuses a malformed one', () => {
    expect(
      loadGatewayConfig({ ACTOR_SIGNING_KEY: key, JWT_ROLE_MAP: 'nhi-admins:security-admin, sec-readers:viewer' }).JWT_ROLE_MAP,
    ).toEqual({
      'nhi-admins': 'security-admin',
      'sec-readers': 'viewer',
    });
    expect(() => loadGatewayConfig({ ACTOR_SIGNING_KEY: key, JWT_ROLE_MAP: 'nhi-admins=security-admin' })).toThrow(
      /JWT_ROLE_MAP: expected "group:role" pairs separated by commas/,
    );
  });
});
