import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { bootstrap, type RunningGateway } from '../main';

/**
 * The real gateway in-process in front of a loopback server standing in for
 * every subgraph: its GET /metrics counts each operation under the name the
 * client gave it, with its type and, when it failed, its error code.
 */
const keys = generateDevKeys();
let gateway: RunningGateway;
let subgraphs: Server;

function fakeSubgraphs(): Server {
  return createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: { governanceSummary: { totalIdentities: 7 } } }));
    });
  });
}

async function post(query: string, token: string | null): Promise<number> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  await response.text();
  return response.status;
}

async function scrape(): Promise<string> {
  const response = await fetch(`${gateway.url}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

beforeAll(async () => {
  subgraphs = fakeSubgraphs();
  await new Promise<void>((resolve) => subgraphs.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(subgraphs.address() as AddressInfo).port}/graphql`;
  gateway = await bootstrap(
    {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../supergraph.graphql'),
      INVENTORY_URL: base,
      OWNERSHIP_URL: base,
      LIFECYCLE_URL: base,
      EXCEPTIONS_URL: base,
      METRICS_URL: base,
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
    },
    { publicKeyPem: keys.publicKeyPem, rateLimitKeyPrefix: `test:gateway-metrics:${randomBytes(4).toString('hex')}:` },
  );
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => subgraphs?.close(resolve));
});

describe('a started gateway', () => {
  it('told @apollo/gateway, which reads only the environment, to send no usage data to Apollo', () => {
    expect(process.env['APOLLO_TELEMETRY_DISABLED']).toBe('true');
  });
});

describe('GET /metrics at the gateway', () => {
  it('counts operations by name and type, failed ones by code, and HTTP requests by route', async () => {
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'viewer-1',
      roles: ['viewer'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });
    expect(await post('query GatewayMetricsProbe { governanceSummary { totalIdentities } }', token)).toBe(200);
    await post('query GatewayMetricsBroken { noSuchField }', token);
    const text = await scrape();
    expect(text).toMatch(/^nhi_graphql_operation_duration_seconds_count\{operation="GatewayMetricsProbe",type="query"\} 1$/m);
    expect(text).toMatch(/^nhi_graphql_operation_errors_total\{operation="other",type="unknown",code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).not.toContain('GatewayMetricsBroken');
    expect(text).toMatch(/^nhi_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/m);
    expect(text).toMatch(/^nhi_service_info\{service="gateway"\} 1$/m);
  });
});
