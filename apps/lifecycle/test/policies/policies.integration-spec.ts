import { subgraphSpec } from '@nhi/testing';
import type { IdentitySnapshot } from '@nhi/contracts';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_policies', bootstrap);

const DAY_MS = 86_400_000;
const createdAt = new Date(Date.now() - 10 * DAY_MS);

function discovered(overrides: Partial<IdentitySnapshot>): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', { createdAt: createdAt.toISOString(), ...overrides });
}

async function policyOf(id: string): Promise<{ name: string; due: number }> {
  const result = await spec.subgraph.query<{ _entities: Array<{ lifecycle: { nextRotationDueAt: string; policy: { name: string } } }> }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle { nextRotationDueAt policy { name } } } } }',
    { r: [{ __typename: 'NonHumanIdentity', id }] },
  );
  const lifecycleView = result.data?._entities[0]?.lifecycle;
  return { name: lifecycleView?.policy.name ?? '', due: Date.parse(lifecycleView?.nextRotationDueAt ?? '') };
}

async function upsert(input: Record<string, unknown>) {
  return spec.subgraph.query<{ upsertRotationPolicy: { id: string; name: string } }>(
    'mutation($input: RotationPolicyInput!) { upsertRotationPolicy(input: $input) { id name } }',
    { input },
  );
}

describe('rotation policies', () => {
  it('puts each identity on the most specific matching policy, ties to priority, and moves them when policies change', async () => {
    const prodKey = await discovered({ kind: 'API_KEY', environment: 'PRODUCTION', businessUnit: 'Payments' });
    const devKey = await discovered({ kind: 'API_KEY', environment: 'DEVELOPMENT' });
    expect(await policyOf(prodKey)).toEqual({ name: 'default', due: createdAt.getTime() + 90 * DAY_MS });

    const keys = await upsert({ name: 'api keys', kind: ['API_KEY'], maxAgeDays: 60, priority: 1 });
    await upsert({ name: 'production keys', kind: ['api_key'], environment: ['PRODUCTION'], maxAgeDays: 30 });
    await upsert({ name: 'payments', businessUnit: ['Payments'], maxAgeDays: 45, priority: 9 });

    expect(await policyOf(prodKey)).toEqual({ name: 'production keys', due: createdAt.getTime() + 30 * DAY_MS });
    expect(await policyOf(devKey)).toEqual({ name: 'api keys', due: createdAt.getTime() + 60 * DAY_MS });
    const later = await discovered({ kind: 'API_KEY', environment: 'PRODUCTION' });
    expect((await policyOf(later)).name).toBe('production keys');

    const deleted = await spec.subgraph.query('mutation($id: ID!) { deleteRotationPolicy(id: $id) }', {
      id: keys.data?.upsertRotationPolicy.id,
    });
    expect(deleted.data).toEqual({ deleteRotationPolicy: true });
    expect(await policyOf(devKey)).toEqual({ name: 'default', due: createdAt.getTime() + 90 * DAY_MS });
  });

  it('schedules an identity of an unknown kind (OTHER) under the default policy, or a policy that selects OTHER', async () => {
    const other = await discovered({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });
    expect(await policyOf(other)).toEqual({ name: 'default', due: createdAt.getTime() + 90 * DAY_MS });

    await upsert({ name: 'unclassified', kind: ['other'], maxAgeDays: 30 });

    expect(await policyOf(other)).toEqual({ name: 'unclassified', due: createdAt.getTime() + 30 * DAY_MS });
  });

  it.each([
    [{ name: 'x', maxAgeDays: 10, warnDays: 10 }, /^warnDays must be less than maxAgeDays$/],
    [{ name: 'x', maxAgeDays: 0 }, /^maxAgeDays must be a whole number of at least 1$/],
    [{ name: 'x', maxAgeDays: 30, kind: ['ROBOT'] }, /^kind\[0\] is not known; expected one of SERVICE_ACCOUNT/],
    [{ name: 'default', maxAgeDays: 30, environment: ['PRODUCTION'] }, /the default policy selects every identity/],
  ])('refuses a bad policy with a clear error: %j', async (input, message) => {
    const result = await upsert(input);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('keeps the default policy', async () => {
    const policies = await spec.subgraph.query<{ rotationPolicies: Array<{ id: string; isDefault: boolean }> }>(
      '{ rotationPolicies { id isDefault } }',
    );
    const fallback = policies.data?.rotationPolicies.find((p) => p.isDefault);
    const result = await spec.subgraph.query('mutation($id: ID!) { deleteRotationPolicy(id: $id) }', { id: fallback?.id });
    expect(result.errors?.[0]?.message).toMatch(/the default policy cannot be deleted/);
  });
});
