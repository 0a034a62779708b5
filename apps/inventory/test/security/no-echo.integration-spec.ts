import { randomBytes } from 'node:crypto';
import { ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { captureLogs } from '@nhi/runtime';
import { subgraphSpec, TEST_ADMIN } from '@nhi/testing';
import { bootstrap } from '../../src/main';

/**
 * Issue 15, "never echo a value": a token sent where it does not belong (an
 * unknown input field, a variable or literal of the wrong type, an enum, the
 * ingest path and query string) comes back in no answer and reaches no log line.
 */
const logs = captureLogs();
const inventory = subgraphSpec('no_echo', bootstrap, { env: { LOG_LEVEL: 'trace' } });

// Built at run time: a GitHub token's shape, and no token in the repository.
const SECRET = `ghp_${randomBytes(18).toString('hex')}`;

afterAll(() => logs.stop());

interface Answer {
  status: number;
  text: string;
}

/** The messages an answer carries: GraphQL errors, or a REST error's message. */
function messagesOf(answer: Answer): string {
  const body = JSON.parse(answer.text) as { errors?: Array<{ message: string }>; message?: string };
  return (body.errors?.map((error) => error.message) ?? [body.message ?? '']).join('\n');
}

async function graphQL(query: string, variables: Record<string, unknown> = {}, raw?: string): Promise<Answer> {
  const response = await fetch(`${inventory.subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTOR_HEADER]: signActorHeader(TEST_ADMIN, inventory.subgraph.signingKey) },
    body: raw ?? JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

async function upload(pathAndQuery: string): Promise<Answer> {
  const response = await fetch(`${inventory.subgraph.url}${pathAndQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', [ACTOR_HEADER]: signActorHeader(TEST_ADMIN, inventory.subgraph.signingKey) },
    body: JSON.stringify({ provider: 'aws', externalId: 'no-echo', kind: 'role', name: 'no echo' }),
  });
  return { status: response.status, text: await response.text() };
}

const INGEST = 'mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { received } }';
const row = { provider: 'aws', externalId: 'role/no-echo', kind: 'role', name: 'no echo' };

const ATTEMPTS: Array<[string, () => Promise<Answer>, RegExp]> = [
  [
    'an unknown input field',
    () => graphQL(INGEST, { input: { source: 'aws-config', identities: [{ ...row, token: SECRET }] } }),
    /Variable "\$input" got invalid value at "input\.identities\[0\]"; Field "token" is not defined by type "IdentityInput"\./,
  ],
  [
    'a wrong-type variable',
    () => graphQL('query ($first: Int) { identities(first: $first) { totalCount } }', { first: SECRET }),
    /Variable "\$first" got invalid value; Int cannot represent non-integer value\./,
  ],
  [
    'an inline literal of the wrong type',
    () => graphQL(`{ identities(first: "${SECRET}") { totalCount } }`),
    /Argument "first" has invalid value at "first"; Int cannot represent non-integer value\./,
  ],
  [
    'a bad enum value in a variable',
    () => graphQL('query ($f: IdentityFilter) { identities(filter: $f) { totalCount } }', { f: { environment: [SECRET] } }),
    /Variable "\$f" got invalid value at "f\.environment\[0\]"; Value does not exist in "Environment" enum\./,
  ],
  [
    'a bad enum value inline',
    () => graphQL(`{ identities(filter: { environment: [${SECRET}] }) { totalCount } }`),
    /Argument "filter" has invalid value at "filter\.environment\[0\]"; Value does not exist in "Environment" enum\./,
  ],
  [
    'a token as the ingestIdentities source',
    () => graphQL(INGEST, { input: { source: SECRET, identities: [row] } }),
    /source must name the connector and match \^\[a-z0-9\]\[a-z0-9\.-\]\{0,62\}\$/,
  ],
  [
    'a body that is not JSON',
    () => graphQL('', {}, `{"query": "{ x }", "token": ${SECRET}}`),
    /^Bad request: the request body is not valid JSON/,
  ],
  [
    'a token as the ingest path parameter',
    () => upload(`/ingest/${SECRET}?token=${SECRET}`),
    /the \{source\} path parameter must name the connector and match/,
  ],
  ['a token as an ingest query parameter', () => upload(`/ingest/aws-config?force=${SECRET}&dryRun=true`), /force must be true or false/],
  ['a token as an unknown path', () => upload(`/${SECRET}/x?token=${SECRET}`), /^no route for POST \/…$/],
];

describe('inputs are never echoed', () => {
  it.each(ATTEMPTS)('%s: the answer names the field and what was expected, never the value', async (_name, send, message) => {
    const answer = await send();
    expect(messagesOf(answer)).toMatch(message);
    expect(answer.text).not.toContain(SECRET);
    // Not even a part of it: a parser's excerpt would cut the token short.
    expect(answer.text).not.toContain(SECRET.slice(4, 14));
  });

  it('kept the token out of every log line and every audit record', async () => {
    // The request lines are written when each response finished; the audit rows with the response.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logs.text).toMatch(/"route":"\/ingest\/:source"/);
    expect(logs.text).toMatch(/"path":"\/ingest\/…"/);
    expect(logs.text).not.toContain(SECRET.slice(4, 14));
    const records = await inventory.subgraph.sql<{ payload: unknown }>('SELECT payload FROM outbox_events');
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain(SECRET);
  });
});
