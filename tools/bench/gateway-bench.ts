import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { consoleProgress, ServiceProcess, spawnService, waitHealthy } from '@nhi/launcher';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { runBench } from './bench-support';
import { LoadFigures, measureRequests } from './http-load';

/**
 * npm run bench:gateway -- [--requests 2000] [--concurrency 8]
 *
 * What the gateway and its security layer (JWT check, abuse limits, per-actor
 * rate limits in Redis, the signed actor header) cost per request. One loopback
 * HTTP server stands in for every subgraph and answers at once, so only the
 * gateway is measured. Three paths, the same query each time:
 *   baseline        straight to the stand-in subgraph (what any hop costs here)
 *   gateway+redis   through the gateway, counting rate limits in Redis (production's setup)
 *   gateway-local   through the gateway with Redis unreachable (counting in process)
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    port: { type: 'string', default: '4960' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const runId = randomBytes(3).toString('hex');
const benchDir = path.join(DATA_DIR, 'bench', `gateway-${runId}`);
const log = (message: string) => consoleProgress(`[bench] ${message}`);
const QUERY = JSON.stringify({ query: '{ governanceSummary { totalIdentities } }' });

function standInSubgraph(): Server {
  return createServer((req: IncomingMessage, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    req.resume();
    req.on('end', () =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"governanceSummary":{"totalIdentities":7}}}'),
    );
  });
}

/** `count` posts, `concurrency` at a time; every answer must carry data. */
function measure(url: string, headers: Record<string, string>, count = requests): Promise<LoadFigures> {
  return measureRequests(url, headers, () => QUERY, count, concurrency);
}

async function main(): Promise<void> {
  const keysDir = path.join(benchDir, 'keys');
  mkdirSync(keysDir, { recursive: true });
  const keys = generateDevKeys();
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
  const subgraph = standInSubgraph();
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  const gatewayEnv = (redisUrl: string) => ({
    LOG_LEVEL: 'warn',
    ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
    DEV_KEYS_DIR: keysDir,
    RATE_LIMIT_REDIS_URL: redisUrl,
    // High enough that the benchmark is never refused: the counting is what is measured.
    RATE_LIMIT_PER_MINUTE: String(requests * 10),
    ...Object.fromEntries(['INVENTORY', 'OWNERSHIP', 'LIFECYCLE', 'EXCEPTIONS', 'METRICS'].map((name) => [`${name}_URL`, subgraphUrl])),
  });
  const gateways: ServiceProcess[] = [
    spawnService({
      root: WORKSPACE_ROOT,
      name: 'gateway',
      port,
      logDir: path.join(benchDir, 'redis'),
      env: gatewayEnv('redis://127.0.0.1:6379'),
    }),
    // Nothing listens on port 1: the gateway counts in process.
    spawnService({
      root: WORKSPACE_ROOT,
      name: 'gateway',
      port: port + 1,
      logDir: path.join(benchDir, 'local'),
      env: gatewayEnv('redis://127.0.0.1:1'),
    }),
  ];
  try {
    await Promise.all(gateways.map((gateway) => waitHealthy(gateway, 60_000)));
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: `bench-${runId}`,
      roles: ['viewer'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });
    const bearer = { authorization: `Bearer ${token}` };
    log(`${requests} requests, ${concurrency} at a time, per path (after a warm-up of 200)`);
    const paths: Array<[string, string, Record<string, string>]> = [
      ['baseline', subgraphUrl, {}],
      ['gateway+redis', `${gateways[0]?.baseUrl}/graphql`, bearer],
      ['gateway-local', `${gateways[1]?.baseUrl}/graphql`, bearer],
    ];
    const results = new Map<string, LoadFigures>();
    for (const [name, url, headers] of paths) {
      await measure(url, headers, 200).catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`);
      });
      results.set(name, await measure(url, headers));
    }
    const base = results.get('baseline') as LoadFigures;
    consoleProgress(`\nGateway cost per request on loopback, ${new Date().toISOString()}, ${process.version}`);
    consoleProgress('path            p50 ms   p99 ms   req/s    p50 vs baseline');
    for (const [name, figures] of results) {
      consoleProgress(
        `${name.padEnd(15)} ${figures.p50.toFixed(2).padStart(6)}   ${figures.p99.toFixed(2).padStart(6)}   ${figures.perSecond
          .toFixed(0)
          .padStart(5)}    x${(figures.p50 / base.p50).toFixed(1)}`,
      );
    }
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    subgraph.closeAllConnections();
    subgraph.close();
  }
}

runBench(main);
