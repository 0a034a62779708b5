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

  it('refuses symmetric algorithms and bad subgraph URLs', () => {
    const attempt = () => loadGatewayConfig({ ACTOR_SIGNING_KEY: key, JWT_ALGORITHMS: 'HS256', INVENTORY_URL: 'inventory:4001' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/INVENTORY_URL: expected a http or https URL/);
    expect(attempt).toThrow(/JWT_ALGORITHMS: expected asymmetric JWS algorithms/);
  });
});
