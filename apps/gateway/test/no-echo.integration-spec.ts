import { randomBytes } from 'node:crypto';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { captureLogs } from '@nhi/runtime';
import { bootstrap, RunningGateway } from '../src/main';

/**
 * Issue 15, "never echo a value", at the public entry: a token sent as an
 * unknown input field, a wrong-type variable or literal, a bad enum value or
 * in the URL comes back in no answer and reaches no log line. The gateway
 * refuses all of these itself, so no subgraph needs to run.
 */
const logs = captureLogs();
const keys = generateDevKeys();
const SECRET = `ghp_${randomBytes(18).toString('hex')}`;
const NOWHERE = 'http://127.0.0.1:9/graphql';
let gateway: RunningGateway;
let token: string;

beforeAll(async () => {
  gateway = await bootstrap(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      INVENTORY_URL: NOWHERE,
      OWNERSHIP_URL: NOWHERE,
      LIFECYCLE_URL: NOWHERE,
      EXCEPTIONS_URL: NOWHERE,
      METRICS_URL: NOWHERE,
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:9',
      GRAPHQL_FIELD_SUGGESTIONS: 'true',
    },
    { publicKeyPem: keys.publicKeyPem, rateLimitKeyPrefix: `test-no-echo-${randomBytes(4).toString('hex')}` },
  );
  token = await mintDevToken(keys.privateKeyPem, {
    sub: 'sec-admin',
    roles: ['security-admin'],
    issuer: 'nhi-dev',
    audience: 'nhi-platform',
  });
});

afterAll(async () => {
  await gateway?.close();
  logs.stop();
});

interface Answer {
  status: number;
  text: string;
}

async function send(path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const graphQL = (query: string, variables: Record<string, unknown> = {}) => send('/graphql', { query, variables });

function messagesOf(answer: Answer): string {
  if (!answer.text.startsWith('{')) return answer.text;
  const body = JSON.parse(answer.text) as { errors?: Array<{ message: string }>; message?: string };
  return (body.errors?.map((error) => error.message) ?? [body.message ?? '']).join('\n');
}

const INGEST = 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { received } }';
const row = { provider: 'aws', externalId: 'role/no-echo', kind: 'role', name: 'no echo' };

const ATTEMPTS: Array<[string, () => Promise<Answer>, RegExp]> = [
  [
    'an unknown input field',
    () => graphQL(INGEST, { input: { source: 'aws-config', identities: [{ ...row, token: SECRET }] } }),
    /^Variable "\$input" got invalid value at "input\.identities\[0\]"; Field "token" is not defined by type "IdentityInput"\.$/,
  ],
  [
    'a wrong-type variable',
    () => graphQL('query ($first: Int) { identities(first: $first) { totalCount } }', { first: SECRET }),
    /^Variable "\$first" got invalid value; Int cannot represent non-integer value\.$/,
  ],
  [
    'an inline literal of the wrong type',
    () => graphQL(`{ identities(first: "${SECRET}") { totalCount } }`),
    /^Argument "first" has invalid value at "first"; Int cannot represent non-integer value\.$/,
  ],
  [
    'a bad enum value in a variable',
    () => graphQL('query ($f: IdentityFilter) { identities(filter: $f) { totalCount } }', { f: { environment: [SECRET] } }),
    /^Variable "\$f" got invalid value at "f\.environment\[0\]"; Value does not exist in "Environment" enum\.$/,
  ],
  [
    'a bad enum value inline',
    () => graphQL(`{ identities(filter: { environment: [${SECRET}] }) { totalCount } }`),
    /^Argument "filter" has invalid value at "filter\.environment\[0\]"; Value does not exist in "Environment" enum\.$/,
  ],
  [
    'a token in the query string',
    () => send(`/graphql?token=${SECRET}`, { query: `{ identities(first: "${SECRET}") { totalCount } }` }),
    /^Argument "first"/,
  ],
  [
    'a body that is not JSON',
    () => send('/graphql', `{"query": "{ x }", "token": ${SECRET}}`),
    /^Bad request: the request body is not valid JSON/,
  ],
  ['a token as an unknown path', () => send(`/${SECRET}?token=${SECRET}`, {}), /^no route for POST \/…$/],
];

describe('the gateway never echoes an input value', () => {
  it.each(ATTEMPTS)('%s: the answer names the field and what was expected, never the value', async (_name, attempt, message) => {
    const answer = await attempt();
    expect(messagesOf(answer)).toMatch(message);
    expect(answer.text).not.toContain(SECRET);
    // Not even a part of it: a parser's excerpt would cut the token short.
    expect(answer.text).not.toContain(SECRET.slice(4, 14));
  });

  it('kept the token out of every log line', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Apollo serves /graphql as middleware, not an Express route: the line has the path prefix and no route template.
    expect(logs.text).toMatch(/"path":"\/graphql"/);
    expect(logs.text).not.toContain(SECRET.slice(4, 14));
  });
});
