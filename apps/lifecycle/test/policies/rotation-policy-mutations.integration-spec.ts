import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import type { UserError } from '@nhi/testing';

const spec = subgraphSpec('lifecycle_policy_mutations', bootstrap);

interface Policy {
  id: string;
  name: string;
  maxAgeDays: number;
  kinds: string[];
}

interface UpsertPayload {
  rotationPolicy: Policy | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

interface DeletePayload {
  rotationPolicy: Policy | null;
  deletedRotationPolicyId: string | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const ERRORS = 'userErrors { field message code } clientMutationId';
const VIEWER: Actor = { sub: 'val-viewer', roles: ['viewer'], ownerRefs: [] };

async function upsert(input: Record<string, unknown>): Promise<UpsertPayload> {
  const result = await spec.subgraph.query<{ rotationPolicyUpsert: UpsertPayload | null }>(
    `mutation($input: RotationPolicyUpsertInput!) { rotationPolicyUpsert(input: $input) { rotationPolicy { id name maxAgeDays kinds } ${ERRORS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.rotationPolicyUpsert!;
}

async function remove(input: Record<string, unknown>): Promise<DeletePayload> {
  const result = await spec.subgraph.query<{ rotationPolicyDelete: DeletePayload | null }>(
    `mutation($input: RotationPolicyDeleteInput!) { rotationPolicyDelete(input: $input) { rotationPolicy { id name maxAgeDays kinds } deletedRotationPolicyId ${ERRORS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.rotationPolicyDelete!;
}

async function policyNames(): Promise<string[]> {
  const result = await spec.subgraph.query<{ rotationPolicies: Array<{ name: string }> }>('{ rotationPolicies { name } }');
  return result.data!.rotationPolicies.map((p) => p.name);
}

describe('rotationPolicyUpsert and rotationPolicyDelete', () => {
  it('creates, updates and deletes a policy, echoing the clientMutationId', async () => {
    const created = await upsert({ name: 'payload keys', kind: ['api_key'], maxAgeDays: 30, clientMutationId: 'p-1' });
    expect(created).toEqual({
      rotationPolicy: { id: expect.any(String), name: 'payload keys', maxAgeDays: 30, kinds: ['API_KEY'] },
      userErrors: [],
      clientMutationId: 'p-1',
    });

    const updated = await upsert({ name: 'payload keys', kind: ['API_KEY'], maxAgeDays: 20 });
    expect(updated.rotationPolicy).toMatchObject({ id: created.rotationPolicy!.id, maxAgeDays: 20 });

    const deleted = await remove({ id: created.rotationPolicy!.id, clientMutationId: 'p-2' });
    expect(deleted).toEqual({
      rotationPolicy: { id: created.rotationPolicy!.id, name: 'payload keys', maxAgeDays: 20, kinds: ['API_KEY'] },
      deletedRotationPolicyId: created.rotationPolicy!.id,
      userErrors: [],
      clientMutationId: 'p-2',
    });
    expect(await policyNames()).not.toContain('payload keys');
  });

  it.each([
    [{ name: 'x', maxAgeDays: 10, warnDays: 10 }, ['warnDays']],
    [{ name: 'x', maxAgeDays: 0 }, ['maxAgeDays']],
    [{ name: 'x', maxAgeDays: 30, kind: ['API_KEY', 'ROBOT-7'] }, ['kind', '1']],
    [{ name: 'default', maxAgeDays: 30, environment: ['PRODUCTION'] }, ['name']],
  ])('returns an invalid policy as a userError on its field, without quoting the value: %j', async (input, field) => {
    const payload = await upsert({ ...input, clientMutationId: 'bad' });
    expect(payload).toEqual({
      rotationPolicy: null,
      userErrors: [{ field, code: 'INVALID', message: expect.any(String) }],
      clientMutationId: 'bad',
    });
    expect(payload.userErrors[0]!.message).not.toMatch(/ROBOT-7|\b0\b|\(10\)/);
  });

  it('refuses to delete a policy that does not exist, or the default one', async () => {
    const missing = randomUUID();
    const unknown = await remove({ id: missing });
    expect(unknown).toMatchObject({
      rotationPolicy: null,
      deletedRotationPolicyId: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND' }],
    });
    expect(unknown.userErrors[0]!.message).not.toContain(missing);

    const notAnId = await remove({ id: 'policy-seven' });
    expect(notAnId.userErrors).toEqual([expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })]);

    const policies = await spec.subgraph.query<{ rotationPolicies: Array<{ id: string; isDefault: boolean }> }>(
      '{ rotationPolicies { id isDefault } }',
    );
    const fallback = policies.data!.rotationPolicies.find((p) => p.isDefault)!;
    const kept = await remove({ id: fallback.id });
    expect(kept.userErrors).toEqual([
      { field: ['id'], code: 'INVALID', message: expect.stringMatching(/default policy cannot be deleted/) },
    ]);
  });

  it('keeps the committed policy of one aliased mutation when another in the same request is refused', async () => {
    const result = await spec.subgraph.query<Record<string, UpsertPayload>>(
      `mutation {
        ok: rotationPolicyUpsert(input: { name: "aliased ok", maxAgeDays: 40 }) { rotationPolicy { name } ${ERRORS} }
        refused: rotationPolicyUpsert(input: { name: "aliased bad", maxAgeDays: -1 }) { rotationPolicy { name } ${ERRORS} }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['ok']?.rotationPolicy).toEqual({ name: 'aliased ok' });
    expect(result.data?.['refused']).toMatchObject({ rotationPolicy: null, userErrors: [{ field: ['maxAgeDays'], code: 'INVALID' }] });
  });

  it('needs security-admin: anyone else gets a top-level FORBIDDEN error, as with the old form', async () => {
    const result = await spec.subgraph.query(
      'mutation { rotationPolicyUpsert(input: { name: "viewer policy", maxAgeDays: 30 }) { rotationPolicy { id } } }',
      {},
      VIEWER,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('still answers the deprecated upsertRotationPolicy and deleteRotationPolicy', async () => {
    const upserted = await spec.subgraph.query<{ upsertRotationPolicy: { id: string } }>(
      'mutation { upsertRotationPolicy(input: { name: "old client", maxAgeDays: 30 }) { id } }',
    );
    const id = upserted.data!.upsertRotationPolicy.id;
    const deleted = await spec.subgraph.query('mutation($id: ID!) { deleteRotationPolicy(id: $id) }', { id });
    expect(deleted.data).toEqual({ deleteRotationPolicy: true });

    const again = await spec.subgraph.query('mutation($id: ID!) { deleteRotationPolicy(id: $id) }', { id });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
