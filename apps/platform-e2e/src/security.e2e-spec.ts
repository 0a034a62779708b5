import { createPrivateKey, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { SignJWT, UnsecuredJWT } from 'jose';
import { generateDevKeys, mintDevToken, signActorHeader } from '@nhi/auth';
import { graphql, postGraphQL } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';

/**
 * The attack table of docs/security.md, through the real gateway and subgraphs:
 * each attack is refused with a clear error, and nothing it aimed at changes.
 */
let e2e: E2ePlatform;
let gateway: string;
const tokens: Record<'admin' | 'alice' | 'rita' | 'viewer' | 'integrator' | 'auditor', string> = {
  admin: '',
  alice: '',
  rita: '',
  viewer: '',
  integrator: '',
  auditor: '',
};
/** alice's team owns `mine`; another team owns `theirs`. */
const ids = { mine: '', theirs: '', exception: '' };
let identityCount = 0;

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } & Record<string, unknown>;
}

/** Posts JSON (or a string as it is) and reads the answer, whatever its shape. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = { raw: text };
  }
  return { status: response.status, body: parsed };
}

const asGraphQL = (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer> =>
  postGraphQL(gateway, token, query, variables) as Promise<Answer>;

/** One row to inventory's bulk ingest endpoint, as the integrator. */
const ingestAsIntegrator = (source: string, row: Record<string, unknown>): Promise<Answer> =>
  post(`${e2e.serviceUrl('inventory')}/ingest/${source}`, JSON.stringify(row), {
    'content-type': 'application/x-ndjson',
    authorization: `Bearer ${tokens.integrator}`,
  });

const COUNT = '{ identities(first: 1) { totalCount } }';

async function countIdentities(): Promise<number> {
  return (await graphql<{ identities: { totalCount: number } }>(gateway, tokens.admin, COUNT)).identities.totalCount;
}

async function rotationsOf(identityId: string): Promise<unknown[]> {
  const { identity } = await graphql<{ identity: { lifecycle: { rotations: unknown[] } | null } }>(
    gateway,
    tokens.admin,
    'query ($id: ID!) { identity(id: $id) { lifecycle { rotations(first: 5) { id } } } }',
    { id: identityId },
  );
  return identity.lifecycle?.rotations ?? [];
}

beforeAll(async () => {
  // A small budget of failed authentications, so that the last test can spend it.
  e2e = await startE2ePlatform(5200, { AUTH_FAILURES_PER_MINUTE: '20' });
  gateway = e2e.platform.gatewayUrl;
  const run = e2e.runId;
  tokens.admin = await e2e.token({ sub: 'sec-admin', roles: ['security-admin'] });
  tokens.alice = await e2e.token({ sub: 'alice', roles: ['owner'], ownerRefs: ['alice', `team-a-${run}`] });
  tokens.rita = await e2e.token({ sub: 'rita', roles: ['owner', 'security-admin'], ownerRefs: [] });
  tokens.viewer = await e2e.token({ sub: 'val', roles: ['viewer'] });
  tokens.integrator = await e2e.token({ sub: 'connector', roles: ['integrator'], sources: [`e2e-src-${run}`] });
  tokens.auditor = await e2e.token({ sub: 'audrey', roles: ['auditor'] });

  await graphql(
    gateway,
    tokens.admin,
    `mutation { ingestIdentities(input: { source: "e2e-security", identities: [
       { provider: "demo", externalId: "secret/mine-${run}", kind: "secret", name: "alice's secret", system: "sec-${run}" },
       { provider: "demo", externalId: "secret/theirs-${run}", kind: "secret", name: "someone else's secret", system: "sec-${run}" }] }) { created } }`,
  );
  const idOf = async (externalId: string) =>
    (
      await graphql<{ identityByExternalId: { id: string } }>(
        gateway,
        tokens.admin,
        'query ($e: String!) { identityByExternalId(provider: "demo", externalId: $e) { id } }',
        { e: externalId },
      )
    ).identityByExternalId.id;
  ids.mine = await idOf(`secret/mine-${run}`);
  ids.theirs = await idOf(`secret/theirs-${run}`);
  const owner = async (ref: string) =>
    (
      await graphql<{ upsertOwner: { id: string } }>(
        gateway,
        tokens.admin,
        `mutation { upsertOwner(input: { externalRef: "${ref}", kind: TEAM, name: "${ref}" }) { id } }`,
      )
    ).upsertOwner.id;
  const assign = (identityId: string, ownerId: string) =>
    graphql(gateway, tokens.admin, 'mutation ($i: ID!, $o: ID!) { assignOwner(identityId: $i, ownerId: $o) { id } }', {
      i: identityId,
      o: ownerId,
    });
  await assign(ids.mine, await owner(`team-a-${run}`));
  await assign(ids.theirs, await owner(`team-b-${run}`));

  // The control: alice may rotate her own team's identity (once lifecycle has heard who owns it).
  await waitFor(
    async () =>
      (await asGraphQL(tokens.alice, 'mutation ($i: ID!) { requestRotation(identityId: $i, reason: "mine") { id } }', { i: ids.mine })).body
        .errors === undefined,
    { timeoutMs: 30_000, what: "alice's rotation of her own identity" },
  );
  const exception = await waitFor(
    async () => {
      const answer = await asGraphQL(
        tokens.rita,
        `mutation ($i: ID!, $at: DateTime!) { requestException(input: { identityId: $i, control: ROTATION, justification: "vendor freeze", expiresAt: $at }) { id } }`,
        { i: ids.theirs, at: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      );
      return (answer.body.data as { requestException?: { id: string } } | undefined)?.requestException?.id;
    },
    { timeoutMs: 30_000, what: 'an exception requested by rita' },
  );
  ids.exception = exception;
  identityCount = await countIdentities();
});

afterAll(async () => {
  await e2e?.stop();
});

interface Attack {
  send(): Promise<Answer>;
  status: number;
  code: string;
  message: RegExp;
  /** Checks that what the attack aimed at did not change. */
  unchanged?(): Promise<void>;
}

const expiredToken = async () =>
  new SignJWT({ roles: ['security-admin'] })
    .setProtectedHeader({ alg: 'RS256' })
    .setSubject('alice')
    .setIssuer('nhi-dev')
    .setAudience('nhi-platform')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(createPrivateKey(e2e.devKeys.privateKeyPem));

const deepQuery = () => `{ owner(id: "00000000-0000-0000-0000-000000000000") { ${'parent { '.repeat(30)}id${' }'.repeat(30)} } }`;
const aliasBomb = () => `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: identities(first: 1) { totalCount }`).join(' ')} }`;
const injection = "' OR 1=1; DROP TABLE identities; --";

const ATTACKS: Array<[string, Attack]> = [
  ['no token', { send: () => asGraphQL(null, COUNT), status: 401, code: 'UNAUTHENTICATED', message: /missing Authorization header/ }],
  [
    'an expired token',
    { send: async () => asGraphQL(await expiredToken(), COUNT), status: 401, code: 'UNAUTHENTICATED', message: /token has expired/ },
  ],
  [
    'a token for another audience',
    {
      send: async () => asGraphQL(await e2e.token({ sub: 'alice', roles: ['viewer'], audience: 'another-app' }), COUNT),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /token is for another audience: aud must include "nhi-platform"/,
    },
  ],
  [
    'a forged signature (another key)',
    {
      send: async () =>
        asGraphQL(
          await mintDevToken(generateDevKeys().privateKeyPem, {
            sub: 'mallory',
            roles: ['security-admin'],
            issuer: 'nhi-dev',
            audience: 'nhi-platform',
          }),
          COUNT,
        ),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /token signature is invalid/,
    },
  ],
  [
    'alg: none',
    {
      send: () =>
        asGraphQL(
          new UnsecuredJWT({ roles: ['security-admin'] })
            .setSubject('mallory')
            .setIssuer('nhi-dev')
            .setAudience('nhi-platform')
            .setExpirationTime('1h')
            .encode(),
          COUNT,
        ),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /token algorithm is not allowed|token is malformed/,
    },
  ],
  [
    'a direct subgraph call (_service)',
    {
      send: () => post(`${e2e.serviceUrl('lifecycle')}/graphql`, { query: '{ _service { sdl } }' }),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /must come through the gateway/,
    },
  ],
  [
    'a direct subgraph call (_entities)',
    {
      send: () =>
        post(`${e2e.serviceUrl('inventory')}/graphql`, {
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { name } } }',
          variables: { r: [{ __typename: 'NonHumanIdentity', id: ids.theirs }] },
        }),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /must come through the gateway/,
    },
  ],
  [
    'a forged actor header',
    {
      send: () =>
        post(
          `${e2e.serviceUrl('lifecycle')}/graphql`,
          { query: 'mutation ($i: ID!) { requestRotation(identityId: $i, reason: "forged") { id } }', variables: { i: ids.theirs } },
          { 'x-nhi-actor': signActorHeader({ sub: 'mallory', roles: ['security-admin'], ownerRefs: [] }, randomBytes(32).toString('hex')) },
        ),
      status: 401,
      code: 'UNAUTHENTICATED',
      message: /invalid x-nhi-actor signature/,
      unchanged: async () => expect(await rotationsOf(ids.theirs)).toEqual([]),
    },
  ],
  [
    'an integrator using the graph',
    {
      send: () => asGraphQL(tokens.integrator, COUNT),
      status: 403,
      code: 'FORBIDDEN',
      message: /integrators use Kafka topics and the bulk ingest endpoint/,
    },
  ],
  [
    'a viewer changing a policy',
    {
      send: () => asGraphQL(tokens.viewer, 'mutation { upsertRotationPolicy(input: { name: "viewer policy", maxAgeDays: 1 }) { id } }'),
      status: 200,
      code: 'FORBIDDEN',
      message: /to change a rotation policy needs the security-admin role; val has viewer/,
      unchanged: async () => {
        const { rotationPolicies } = await graphql<{ rotationPolicies: Array<{ name: string }> }>(
          gateway,
          tokens.admin,
          '{ rotationPolicies { name } }',
        );
        expect(rotationPolicies.map((p) => p.name)).not.toContain('viewer policy');
      },
    },
  ],
  [
    "an owner rotating another owner's identity",
    {
      send: () =>
        asGraphQL(tokens.alice, 'mutation ($i: ID!) { requestRotation(identityId: $i, reason: "not mine") { id } }', { i: ids.theirs }),
      status: 200,
      code: 'FORBIDDEN',
      message:
        /alice may request a rotation only for identities owned by alice, team-a-\w+ or their teams; one identity here is owned by someone else$/,
      unchanged: async () => expect(await rotationsOf(ids.theirs)).toEqual([]),
    },
  ],
  [
    "an owner asking an exception for another owner's identity",
    {
      send: () =>
        asGraphQL(
          tokens.alice,
          'mutation ($i: ID!, $at: DateTime!) { requestException(input: { identityId: $i, control: REVOCATION, justification: "x", expiresAt: $at }) { id } }',
          { i: ids.theirs, at: new Date(Date.now() + 86_400_000).toISOString() },
        ),
      status: 200,
      code: 'FORBIDDEN',
      message: /alice may request an exception only for identities owned by/,
    },
  ],
  [
    'a requester approving their own exception',
    {
      send: () => asGraphQL(tokens.rita, 'mutation ($id: ID!) { approveException(id: $id) { id } }', { id: ids.exception }),
      status: 200,
      code: 'FORBIDDEN',
      message: /^Forbidden: separation of duties: rita requested this exception and cannot approve it; someone else must$/,
      unchanged: async () => {
        const { exception } = await graphql<{ exception: { status: string } }>(
          gateway,
          tokens.admin,
          'query ($id: ID!) { exception(id: $id) { status } }',
          {
            id: ids.exception,
          },
        );
        expect(exception.status).toBe('REQUESTED');
      },
    },
  ],
  ['a deep query', { send: () => asGraphQL(tokens.viewer, deepQuery()), status: 400, code: 'QUERY_TOO_DEEP', message: /depth/ }],
  ['an alias bomb', { send: () => asGraphQL(tokens.viewer, aliasBomb()), status: 400, code: 'TOO_MANY_ALIASES', message: /alias/ }],
  [
    'a batch of 1,000 operations',
    {
      send: () =>
        post(
          `${gateway}/graphql`,
          Array.from({ length: 1000 }, () => ({ query: COUNT })),
          { authorization: `Bearer ${tokens.viewer}` },
        ),
      status: 400,
      code: 'BATCH_TOO_LARGE',
      message: /batch/i,
    },
  ],
  [
    'an oversized page',
    {
      send: () => asGraphQL(tokens.viewer, '{ identities(first: 100000) { totalCount } }'),
      status: 400,
      code: 'PAGE_TOO_LARGE',
      message: /100000/,
    },
  ],
  [
    'injection strings in filters',
    {
      send: () =>
        asGraphQL(
          tokens.viewer,
          'query ($s: String!) { identities(first: 10, filter: { nameContains: $s, system: [$s], provider: [$s] }) { totalCount } }',
          {
            s: injection,
          },
        ),
      status: 200,
      code: 'NONE',
      message: /^$/,
      unchanged: async () => expect(await countIdentities()).toBe(identityCount),
    },
  ],
  [
    'an ingest carrying secrets',
    {
      send: () =>
        ingestAsIntegrator(`e2e-src-${e2e.runId}`, {
          provider: 'demo',
          externalId: `secret/leaky-${e2e.runId}`,
          kind: 'secret',
          name: 'leaky',
          tags: [{ key: 'note', value: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----' }],
        }),
      status: 200,
      code: 'ROW_REJECTED',
      message: /looks like .*the platform never stores secret material/,
      unchanged: async () => expect(await countIdentities()).toBe(identityCount),
    },
  ],
  [
    "an integrator ingesting for another connector's source",
    {
      send: () =>
        ingestAsIntegrator('okta', { provider: 'okta', externalId: `okta/${e2e.runId}`, kind: 'service-account', name: 'not yours' }),
      status: 403,
      code: 'FORBIDDEN',
      message: /may ingest only for its own sources/,
      unchanged: async () => expect(await countIdentities()).toBe(identityCount),
    },
  ],
];

/** The code and message an answer carries, whichever shape it has: GraphQL errors, a REST error, or an ingest report's rejected row. */
function refusal(answer: Answer): { code: string; message: string } {
  const error = answer.body.errors?.[0];
  if (error) return { code: error.extensions?.code ?? 'NONE', message: error.message };
  const rejected = (answer.body['rejected'] as Array<{ reason: string }> | undefined)?.[0];
  if (rejected) return { code: 'ROW_REJECTED', message: rejected.reason };
  if (typeof answer.body['error'] === 'string') return { code: answer.body['error'], message: String(answer.body['message']) };
  return { code: 'NONE', message: '' };
}

/** What each attack got back; SECURITY_TABLE_OUT=<file> writes it as the Markdown table of docs/security.md. */
const observed: Array<[string, number, string, string]> = [];

afterAll(() => {
  const out = process.env['SECURITY_TABLE_OUT'];
  if (!out) return;
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = observed.map((row) => `| ${row.map((value) => cell(String(value))).join(' | ')} |`);
  writeFileSync(out, ['| attack | HTTP | code | message |', '|---|---|---|---|', ...rows].join('\n') + '\n');
});

describe('the attack table (docs/security.md)', () => {
  it.each(ATTACKS)('refuses %s with a clear error, and nothing changes', async (name, attack) => {
    const answer = await attack.send();
    const { code, message } = refusal(answer);
    observed.push([name, answer.status, code, message || '(no error: the strings are data, nothing matches)']);

    expect({ status: answer.status, code }).toEqual({ status: attack.status, code: attack.code });
    expect(message).toMatch(attack.message);
    if (code !== 'NONE' && answer.body.data !== undefined) expect(answer.body.data).toBeNull();
    await attack.unchanged?.();
  });
});

describe('the audit trail of the attacks', () => {
  interface AuditNode {
    actor: string;
    service: string;
    operation: string;
    targetIds: string[];
    outcome: string;
    error: string | null;
    input: string;
  }
  const AUDIT_QUERY = `query ($f: AuditLogFilter) { auditLog(filter: $f, first: 50) { edges { node {
    actor service operation targetIds outcome error input } } } }`;

  it('shows auditors the refused mutations with who tried what on which identity, and refuses the log to a viewer', async () => {
    const refusedRotation = await waitFor(
      async () => {
        const { auditLog } = await graphql<{ auditLog: { edges: Array<{ node: AuditNode }> } }>(gateway, tokens.auditor, AUDIT_QUERY, {
          f: { actor: 'alice', outcome: ['FORBIDDEN'], targetId: ids.theirs },
        });
        return auditLog.edges.map((edge) => edge.node).find((node) => node.operation === 'requestRotation');
      },
      { timeoutMs: 30_000, what: "the audit record of alice's refused rotation" },
    );
    expect(refusedRotation).toMatchObject({
      service: 'lifecycle',
      targetIds: [ids.theirs],
      error: expect.stringMatching(/^Forbidden: alice may request a rotation/),
    });
    expect(JSON.parse(refusedRotation.input)).toEqual({ identityId: ids.theirs, reason: 'not mine' });

    const selfApproval = await graphql<{ auditLog: { edges: Array<{ node: AuditNode }> } }>(gateway, tokens.auditor, AUDIT_QUERY, {
      f: { actor: 'rita', operation: ['approveException'] },
    });
    expect(selfApproval.auditLog.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ outcome: 'FORBIDDEN', targetIds: [ids.exception], error: expect.stringMatching(/separation of duties/) }),
    ]);

    const byViewer = await asGraphQL(tokens.viewer, AUDIT_QUERY, {});
    expect(byViewer.body.errors?.[0]).toMatchObject({
      message: 'Forbidden: to read the audit log needs the auditor or security-admin role; val has viewer',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

// Last: once this address spent its failed authentications, every request from it is refused for the minute.
describe('a flood of bad tokens', () => {
  it('refuses the address outright once it spent AUTH_FAILURES_PER_MINUTE, valid tokens included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await asGraphQL('not.a.token', COUNT)).status);
    const answer = await asGraphQL(tokens.admin, COUNT);
    const { code, message } = refusal(answer);
    observed.push(['a flood of bad tokens (then a valid one)', answer.status, code, message]);

    expect(statuses.at(-1)).toBe(429);
    expect({ status: answer.status, code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(message).toMatch(/sent more than 20 failed authentications in a minute \(AUTH_FAILURES_PER_MINUTE=20\); retry after \d+ s$/);
    expect(answer.body.data ?? null).toBeNull();
  });
});
