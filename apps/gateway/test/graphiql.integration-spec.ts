import { randomBytes } from 'node:crypto';
import { generateDevKeys } from '@nhi/auth';
import { bootstrap, RunningGateway } from '../src/main';

/**
 * ADR 0032: a browser that opens the gateway's GraphQL path in development gets
 * GraphiQL, every file of which the gateway serves itself (the machine may have
 * no internet); in production it gets no IDE. No subgraph needs to run.
 */
const keys = generateDevKeys();
const NOWHERE = 'http://127.0.0.1:9/graphql';

function start(env: Record<string, string>): Promise<RunningGateway> {
  return bootstrap(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      INVENTORY_URL: NOWHERE,
      OWNERSHIP_URL: NOWHERE,
      LIFECYCLE_URL: NOWHERE,
      EXCEPTIONS_URL: NOWHERE,
      METRICS_URL: NOWHERE,
      ...env,
    },
    { publicKeyPem: keys.publicKeyPem, rateLimitKeyPrefix: `test-graphiql-${randomBytes(4).toString('hex')}` },
  );
}

const openInBrowser = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

/** The files a page loads: its scripts and stylesheets. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the GraphQL IDE in development', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await start({ NODE_ENV: 'development' });
  });
  afterAll(() => gateway?.close());

  it('answers a browser at /graphql with GraphiQL, not the Playground', async () => {
    const response = await openInBrowser(`${gateway.url}/graphql`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<title>GraphiQL');
    expect(html).not.toMatch(/playground/i);
  });

  it('loads every file of the page from the gateway itself, none from another host', async () => {
    const html = await (await openInBrowser(`${gateway.url}/graphql`)).text();
    const assets = assetsOf(html);

    expect(assets).toEqual([
      '/graphiql/graphiql.min.css',
      '/graphiql/react.production.min.js',
      '/graphiql/react-dom.production.min.js',
      '/graphiql/graphiql.min.js',
      '/graphiql/start.js',
    ]);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of assets) {
      const response = await fetch(`${gateway.url}${asset}`);
      const body = await response.text();
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(body.length).toBeGreaterThan(100);
    }
    const bundle = await (await fetch(`${gateway.url}/graphiql/graphiql.min.js`)).text();
    expect(bundle).toContain('GraphiQL');
    const start = await (await fetch(`${gateway.url}/graphiql/start.js`)).text();
    expect(start).toContain('GraphiQL.createFetcher');
  });

  it('serves only the files it names, never a path into node_modules', async () => {
    for (const name of ['package.json', '..%2F..%2Fpackage.json', 'graphiql.js.map']) {
      const response = await fetch(`${gateway.url}/graphiql/${name}`);
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
    }
  });
});

describe('the GraphQL IDE in production', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await start({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://127.0.0.1:9/jwks.json' });
  });
  afterAll(() => gateway?.close());

  it('serves no IDE and none of its files', async () => {
    const page = await openInBrowser(`${gateway.url}/graphql`);
    const html = await page.text();
    expect(html).not.toMatch(/graphiql|playground|sandbox/i);
    expect(page.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);

    const asset = await fetch(`${gateway.url}/graphiql/graphiql.min.js`);
    expect(asset.status).toBe(404);
  });
});
