import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_integrator_mutations', bootstrap);

interface Payload {
  integrator: { source: string; providers: string[]; registeredBy: string; retiredAt: string | null } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  clientMutationId: string | null;
}

const PAYLOAD = 'integrator { source providers registeredBy retiredAt } userErrors { field message code } clientMutationId';
const VIEWER: Actor = { sub: 'val-viewer', roles: ['viewer'], ownerRefs: [] };
const newSource = () => `/integrators/${randomUUID()}`;

async function register(input: Record<string, unknown>): Promise<Payload> {
  const result = await spec.subgraph.query<{ integratorRegister: Payload | null }>(
    `mutation($input: IntegratorRegisterInput!) { integratorRegister(input: $input) { ${PAYLOAD} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.integratorRegister!;
}

async function retire(input: Record<string, unknown>): Promise<Payload> {
  const result = await spec.subgraph.query<{ integratorRetire: Payload | null }>(
    `mutation($input: IntegratorRetireInput!) { integratorRetire(input: $input) { ${PAYLOAD} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.integratorRetire!;
}

describe('integratorRegister and integratorRetire', () => {
  it('registers and retires a source, echoing the clientMutationId', async () => {
    const source = newSource();
    expect(await register({ source, providers: ['Demo', 'aws', 'demo'], clientMutationId: 'i-1' })).toEqual({
      integrator: { source, providers: ['demo', 'aws'], registeredBy: 'test-admin', retiredAt: null },
      userErrors: [],
      clientMutationId: 'i-1',
    });

    const retired = await retire({ source, clientMutationId: 'i-2' });
    expect(retired).toMatchObject({ integrator: { source, retiredAt: expect.any(String) }, userErrors: [], clientMutationId: 'i-2' });
    const again = await retire({ source });
    expect(again.integrator?.retiredAt).toBe(retired.integrator?.retiredAt);
  });

  it('returns invalid input as a userError on its field, without quoting the value', async () => {
    const badSource = await register({ source: 'acme rotator <bad>', providers: ['demo'], clientMutationId: 'bad' });
    expect(badSource).toEqual({
      integrator: null,
      userErrors: [{ field: ['source'], code: 'INVALID', message: expect.stringMatching(/^source must be a URI-reference/) }],
      clientMutationId: 'bad',
    });
    expect(JSON.stringify(badSource)).not.toContain('acme rotator');

    const badProvider = await register({ source: newSource(), providers: ['demo', 'not a provider!'] });
    expect(badProvider.userErrors).toEqual([{ field: ['providers', '1'], code: 'INVALID', message: expect.any(String) }]);
    expect(badProvider.userErrors[0]!.message).not.toContain('not a provider');
  });

  it('refuses to retire a source nobody registered', async () => {
    const source = newSource();
    const unknown = await retire({ source });
    expect(unknown).toMatchObject({ integrator: null, userErrors: [{ field: ['source'], code: 'NOT_FOUND' }] });
    expect(unknown.userErrors[0]!.message).not.toContain(source);
  });

  it('returns the first result for a repeated idempotency key, and refuses the key for another input', async () => {
    const source = newSource();
    const key = randomUUID();
    const first = await register({ source, providers: ['demo'], idempotencyKey: key });
    expect(first.integrator).toMatchObject({ source, providers: ['demo'] });

    const replay = await register({ source, providers: ['demo'], idempotencyKey: key });
    expect(replay).toEqual(first);

    const reused = await register({ source, providers: ['aws'], idempotencyKey: key });
    expect(reused).toMatchObject({ integrator: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
    const [row] = await spec.subgraph.sql<{ providers: string[] }>('SELECT providers FROM integrators WHERE source = $1', [source]);
    expect(row?.providers).toEqual(['demo']);
  });

  it('needs security-admin: anyone else gets a top-level FORBIDDEN error, as with the old form', async () => {
    const result = await spec.subgraph.query(
      'mutation { integratorRegister(input: { source: "/integrators/viewer", providers: ["demo"] }) { integrator { source } } }',
      {},
      VIEWER,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('still answers the deprecated registerIntegrator and retireIntegrator', async () => {
    const source = newSource();
    const registered = await spec.subgraph.query<{ registerIntegrator: { source: string } }>(
      'mutation($i: RegisterIntegratorInput!) { registerIntegrator(input: $i) { source } }',
      { i: { source, providers: ['demo'] } },
    );
    expect(registered.data?.registerIntegrator.source).toBe(source);
    const retired = await spec.subgraph.query<{ retireIntegrator: { retiredAt: string | null } }>(
      'mutation($s: String!) { retireIntegrator(source: $s) { retiredAt } }',
      { s: source },
    );
    expect(retired.data?.retireIntegrator.retiredAt).toEqual(expect.any(String));
    const unknown = await spec.subgraph.query('mutation($s: String!) { retireIntegrator(source: $s) { source } }', { s: newSource() });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
