import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { generateDevKeys, mintDevToken, Role } from '@nhi/auth';
import { bootstrap, RunningGateway } from '../main';

/**
 * The real gateway in-process with small limits, in front of one loopback HTTP server that
 * stands in for every subgraph and counts the operations it is sent: each limit must refuse
 * with its code, message and HTTP status before any subgraph is called. Rate limits count
 * in the real Redis at 127.0.0.1:6379 under a key prefix of this run.
 */
const keys = generateDevKeys();
let gateway: RunningGateway;
let subgraphs: Server;
let subgraphCalls = 0;
let lastActorHeader: string | undefined;

function fakeSubgraphs(): Server {
  return createServer((req: IncomingMessage, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      subgraphCalls += 1;
      lastActorHeader = req.headers['x-nhi-actor'] as string | undefined;
      // Lifecycle stands for a subgraph that never answers.
      if (req.url?.startsWith('/slow')) return;
      const { query } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string };
      const body = query.includes('governanceSummary')
        ? { data: { governanceSummary: { totalIdentities: 7 } } }
        : { data: null, errors: [{ message: 'fake subgraph' }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
}

beforeAll(async () => {
  subgraphs = fakeSubgraphs();
  await new Promise<void>((resolve) => subgraphs.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(subgraphs.address() as AddressInfo).port}`;
  gateway = await bootstrap(
    {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../supergraph.graphql'),
      INVENTORY_URL: `${base}/graphql`,
      OWNERSHIP_URL: `${base}/graphql`,
      LIFECYCLE_URL: `${base}/slow/graphql`,
      EXCEPTIONS_URL: `${base}/graphql`,
      METRICS_URL: `${base}/graphql`,
      MAX_QUERY_TOKENS: '200',
      MAX_QUERY_DEPTH: '3',
      MAX_QUERY_COST: '20',
      MAX_ALIASES: '2',
      MAX_ROOT_FIELDS: '4',
      MAX_BATCH_SIZE: '3',
      MAX_PAGE_SIZE: '50',
      BODY_LIMIT: '64kb',
      SUBGRAPH_TIMEOUT_MS: '300',
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_PER_MINUTE: '5',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '2',
      AUTH_FAILURES_PER_MINUTE: '5',
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_FIELD_SUGGESTIONS: 'false',
      CORS_ORIGINS: 'https://portal.example.com',
    },
    { publicKeyPem: keys.publicKeyPem, rateLimitKeyPrefix: `test:gateway-limits:${randomBytes(4).toString('hex')}` },
  );
});

afterAll(async () => {
  await gateway?.close();
  subgraphs?.closeAllConnections();
  await new Promise((resolve) => subgraphs?.close(resolve));
});

/** A token of its own for each test, so each spends its own rate budget. */
async function token(roles: Role[] = ['security-admin']): Promise<string> {
  const sub = `limits-${randomBytes(4).toString('hex')}`;
  return mintDevToken(keys.privateKeyPem, { sub, roles, issuer: 'nhi-dev', audience: 'nhi-platform' });
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } & unknown[];
}

async function post(body: unknown, bearer?: string): Promise<Answer> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** Posts and checks that the subgraphs were not called. */
async function refused(
  body: unknown,
  bearer?: string,
): Promise<Answer & { error: { message: string; extensions?: Record<string, unknown> } }> {
  const before = subgraphCalls;
  const answer = await post(body, bearer);
  expect(subgraphCalls).toBe(before);
  expect(answer.body.data ?? null).toBeNull();
  const error = answer.body.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(answer.body)}`);
  return { ...answer, error };
}

describe('the gateway abuse limits', () => {
  it('lets an operation within every limit through to its subgraph', async () => {
    const before = subgraphCalls;
    const { status, body } = await post({ query: '{ governanceSummary { totalIdentities } }' }, await token());

    expect(status).toBe(200);
    expect(body.data).toEqual({ governanceSummary: { totalIdentities: 7 } });
    expect(subgraphCalls).toBe(before + 1);
    // The verified actor still travels to the subgraph in the signed header.
    expect(lastActorHeader).toEqual(expect.any(String));
  });

  it('stops parsing a document longer than MAX_QUERY_TOKENS', async () => {
    const { status, error } = await refused({ query: `{ ${'__typename '.repeat(300)}}` }, await token());

    expect(status).toBe(400);
    expect(error.message).toMatch(/Document contains more tha[nt] 200 tokens/);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('refuses a query deeper than MAX_QUERY_DEPTH', async () => {
    const { status, error } = await refused({ query: '{ identity(id: "1") { lifecycle { policy { name } } } }' }, await token());

    expect(status).toBe(400);
    expect(error.message).toBe('Query too deep: its depth is 4; the limit is 3 (MAX_QUERY_DEPTH)');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 3, actual: 4 });
  });

  it('refuses a query costlier than MAX_QUERY_COST', async () => {
    const { status, error } = await refused({ query: '{ rotationPolicies { name maxAgeDays kinds } }' }, await token());

    expect(status).toBe(400);
    expect(error.message).toMatch(/^Query too complex: its estimated cost is 31; the limit is 20 \(MAX_QUERY_COST\)/);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 20, actual: 31 });
  });

  it('refuses more aliases than MAX_ALIASES', async () => {
    const query =
      '{ a: governanceSummary { totalIdentities } b: governanceSummary { totalIdentities } c: governanceSummary { totalIdentities } }';
    const { status, error } = await refused({ query }, await token());

    expect(status).toBe(400);
    expect(error.message).toBe('Too many aliases: the operation has 3; the limit is 2 (MAX_ALIASES)');
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 2, actual: 3 });
  });

  it('refuses more root fields than MAX_ROOT_FIELDS', async () => {
    const query = `{ governanceSummary { totalIdentities } rotationPolicies { name } identity(id: "1") { id }
      exception(id: "1") { id } identityByExternalId(provider: "aws", externalId: "x") { id } }`;
    const { status, error } = await refused({ query }, await token());

    expect(status).toBe(400);
    expect(error.message).toBe('Too many root fields: the query asks for 5; the limit is 4 (MAX_ROOT_FIELDS)');
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', limit: 4, actual: 5 });
  });

  it('refuses a page above MAX_PAGE_SIZE, written in the query or passed as a variable', async () => {
    const bearer = await token();
    const literal = await refused({ query: '{ identities(first: 51) { totalCount } }' }, bearer);
    const variable = await refused({ query: 'query ($n: Int) { identities(first: $n) { totalCount } }', variables: { n: 1000 } }, bearer);

    expect(literal.status).toBe(400);
    expect(literal.error.message).toBe('Page too large: identities(first) asks for 51 items; the limit is 50 (MAX_PAGE_SIZE)');
    expect(variable.error.extensions).toMatchObject({
      code: 'PAGE_TOO_LARGE',
      limit: 50,
      actual: 1000,
      field: 'identities',
      argument: 'first',
    });
  });

  it('runs a small batch and refuses a 1,000-operation batch before running any of it', async () => {
    const bearer = await token();
    const operation = { query: '{ governanceSummary { totalIdentities } }' };
    const small = await post([operation, operation], bearer);
    const { status, error } = await refused(new Array(1000).fill(operation), bearer);

    expect(small.status).toBe(200);
    expect(small.body).toHaveLength(2);
    expect(status).toBe(400);
    expect(error.message).toBe('Batch too large: the request batches 1000 operations; the limit is 3 (MAX_BATCH_SIZE)');
    expect(error.extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 3, actual: 1000 });
  });

  it('answers RATE_LIMITED with HTTP 429 and a retry-after hint once an actor spent its requests', async () => {
    const bearer = await token();
    for (let i = 0; i < 5; i += 1) expect((await post({ query: '{ governanceSummary { totalIdentities } }' }, bearer)).status).toBe(200);
    const { status, headers, error } = await refused({ query: '{ governanceSummary { totalIdentities } }' }, bearer);

    expect(status).toBe(429);
    expect(error.message).toMatch(
      /^Rate limited: limits-\w+ sent more than 5 requests in a minute \(RATE_LIMIT_PER_MINUTE=5\); retry after \d+ s$/,
    );
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 5 });
    expect(Number(error.extensions?.['retryAfterSeconds'])).toBeGreaterThan(0);
    expect(headers.get('retry-after')).toBe(String(error.extensions?.['retryAfterSeconds']));
    // Another actor is not affected.
    expect((await post({ query: '{ governanceSummary { totalIdentities } }' }, await token())).status).toBe(200);
  });

  it('gives mutations a smaller budget of their own', async () => {
    const bearer = await token();
    const mutation = { query: 'mutation { approveException(id: "1") { id } }' };
    await post(mutation, bearer);
    await post(mutation, bearer);
    const { status, error } = await refused(mutation, bearer);

    expect(status).toBe(429);
    expect(error.message).toMatch(/sent more than 2 mutations in a minute \(RATE_LIMIT_MUTATIONS_PER_MINUTE=2\)/);
  });

  it('refuses a body over BODY_LIMIT with a JSON 413', async () => {
    const { status, error } = await refused({ query: `{ governanceSummary { totalIdentities } } # ${'x'.repeat(100_000)}` }, await token());

    expect(status).toBe(413);
    expect(error.message).toMatch(/^Payload too large: the request body has \d+ bytes; the limit is 64kb \(BODY_LIMIT\)$/);
    expect(error.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: '64kb' });
  });

  it('refuses integrators with FORBIDDEN: they use Kafka topics and the bulk ingest endpoint', async () => {
    const { status, error } = await refused({ query: '{ governanceSummary { totalIdentities } }' }, await token(['integrator']));

    expect(status).toBe(403);
    expect(error.extensions?.['code']).toBe('FORBIDDEN');
    expect(error.message).toMatch(
      /^Forbidden: the integrator role has no GraphQL access; integrators use Kafka topics and the bulk ingest endpoint/,
    );
  });

  it('still refuses a request without a token with UNAUTHENTICATED', async () => {
    const { status, error } = await refused({ query: '{ governanceSummary { totalIdentities } }' });

    expect(status).toBe(401);
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('hides introspection and field suggestions when configured off', async () => {
    const bearer = await token();
    const introspection = await refused({ query: '{ __schema { queryType { name } } }' }, bearer);
    const typo = await refused({ query: '{ governanceSumary { totalIdentities } }' }, bearer);

    expect(introspection.error.message).toMatch(/introspection is not allowed/);
    expect(typo.status).toBe(400);
    expect(typo.error.message).toBe('Cannot query field "governanceSumary" on type "Query".');
  });

  it('names the subgraph and the timeout when a subgraph does not answer in SUBGRAPH_TIMEOUT_MS', async () => {
    const started = Date.now();
    const { body } = await post({ query: '{ rotationPolicies { name } }' }, await token());

    expect(Date.now() - started).toBeLessThan(5000);
    expect(body.errors?.[0]?.message).toBe(
      'Subgraph lifecycle did not answer within 300 ms (SUBGRAPH_TIMEOUT_MS); the request was cancelled',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'lifecycle', timeoutMs: 300 });
  });

  it('allows cross-origin browser calls from CORS_ORIGINS only', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight('https://portal.example.com');
    const other = await preflight('https://evil.example.com');

    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST,GET,OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps /health', async () => {
    const response = await fetch(`${gateway.url}/health`);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('ok');
  });

  // Last: it spends this address's failed authentications, which every request from here would then meet.
  it('refuses a client address outright once it spent AUTH_FAILURES_PER_MINUTE on bad tokens, valid tokens included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await post({ query: '{ __typename }' }, 'not.a.token')).status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);

    const { status, headers, error } = await refused({ query: '{ governanceSummary { totalIdentities } }' }, await token());
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toMatch(/^\d+$/);
    expect(error.message).toMatch(
      /^Rate limited: .+ sent more than 5 failed authentications in a minute \(AUTH_FAILURES_PER_MINUTE=5\); retry after \d+ s$/,
    );
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', setting: 'AUTH_FAILURES_PER_MINUTE' });
  });
});
