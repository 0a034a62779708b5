import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import type { UserError } from '@nhi/testing';

const spec = subgraphSpec('lifecycle_bulk_mutations', bootstrap);

interface PlanPayload {
  revocationPlan: { id: string; toRevoke: number; skipped: number; identities: Array<{ id: string }> } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

interface BulkPayload {
  bulkRevocation: { requested: number; skipped: number } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const ERRORS = 'userErrors { field message code } clientMutationId';
const OWNER: Actor = { sub: 'olive', roles: ['owner'], ownerRefs: ['team-olive'] };

const discovered = (system: string) => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', system });

async function plan(input: Record<string, unknown>): Promise<PlanPayload> {
  const result = await spec.subgraph.query<{ revocationPlanCreate: PlanPayload | null }>(
    `mutation($input: RevocationPlanCreateInput!) { revocationPlanCreate(input: $input) { revocationPlan { id toRevoke skipped identities { id } } ${ERRORS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.revocationPlanCreate!;
}

async function bulk(input: Record<string, unknown>): Promise<BulkPayload> {
  const result = await spec.subgraph.query<{ bulkRevocationCreate: BulkPayload | null }>(
    `mutation($input: BulkRevocationCreateInput!) { bulkRevocationCreate(input: $input) { bulkRevocation { requested skipped } ${ERRORS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.bulkRevocationCreate!;
}

async function revocationsOf(ids: string[]): Promise<number> {
  const rows = await spec.subgraph.sql('SELECT 1 FROM revocation_requests WHERE identity_id = ANY($1::uuid[])', [ids]);
  return rows.length;
}

describe('revocationPlanCreate', () => {
  it('saves a plan and echoes the clientMutationId', async () => {
    const system = `plan-${randomUUID()}`;
    const ids = [await discovered(system), await discovered(system)];

    const payload = await plan({ selector: { system }, clientMutationId: 'plan-1' });

    expect(payload.userErrors).toEqual([]);
    expect(payload.clientMutationId).toBe('plan-1');
    expect(payload.revocationPlan).toMatchObject({ id: expect.any(String), toRevoke: 2, skipped: 0 });
    expect(payload.revocationPlan!.identities.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(await revocationsOf(ids)).toBe(0);
  });

  it('returns the saved plan for a repeated idempotency key, even when the selector would now match more, and refuses the key for another selector', async () => {
    const system = `plan-${randomUUID()}`;
    const first = await discovered(system);
    const key = randomUUID();
    const saved = await plan({ selector: { system }, idempotencyKey: key });
    await discovered(system);

    const replay = await plan({ selector: { system }, idempotencyKey: key, clientMutationId: 'retry' });
    expect(replay).toEqual({ ...saved, clientMutationId: 'retry' });
    expect(replay.revocationPlan!.identities).toEqual([{ id: first }]);
    expect((await spec.subgraph.sql('SELECT 1 FROM revocation_plans WHERE selector->>$1 = $2', ['system', system])).length).toBe(1);

    const reused = await plan({ selector: { system: `${system}-other` }, idempotencyKey: key });
    expect(reused).toMatchObject({ revocationPlan: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
  });

  it('returns a selector that selects everything, or a malformed owner id, as a userError on its field', async () => {
    expect(await plan({ selector: {}, clientMutationId: 'empty' })).toEqual({
      revocationPlan: null,
      userErrors: [{ field: ['selector'], code: 'INVALID', message: expect.stringMatching(/never selects everything/) }],
      clientMutationId: 'empty',
    });

    const malformed = await plan({ selector: { ownerId: 'team-olive' } });
    expect(malformed.userErrors).toEqual([{ field: ['selector', 'ownerId'], code: 'INVALID', message: expect.any(String) }]);
    expect(malformed.userErrors[0]!.message).not.toContain('team-olive');
  });

  it('still answers the deprecated saveRevocationPlan', async () => {
    const system = `plan-${randomUUID()}`;
    const id = await discovered(system);
    const result = await spec.subgraph.query<{ saveRevocationPlan: { id: string; identities: Array<{ id: string }> } }>(
      'mutation($s: RevocationSelector!) { saveRevocationPlan(selector: $s) { id identities { id } } }',
      { s: { system } },
    );
    expect(result.data?.saveRevocationPlan).toEqual({ id: expect.any(String), identities: [{ id }] });
  });
});

describe('bulkRevocationCreate', () => {
  it('requests the revocations once for a repeated idempotency key, and refuses the key for another input', async () => {
    const system = `bulk-${randomUUID()}`;
    const ids = [await discovered(system), await discovered(system)];
    const key = randomUUID();

    const first = await bulk({ selector: { system }, reason: 'system retired', idempotencyKey: key, clientMutationId: 'b-1' });
    expect(first).toEqual({ bulkRevocation: { requested: 2, skipped: 0 }, userErrors: [], clientMutationId: 'b-1' });
    expect(await revocationsOf(ids)).toBe(2);

    const replay = await bulk({ selector: { system }, reason: 'system retired', idempotencyKey: key });
    expect(replay).toEqual({ bulkRevocation: { requested: 2, skipped: 0 }, userErrors: [], clientMutationId: null });
    expect(await revocationsOf(ids)).toBe(2);

    const reused = await bulk({ selector: { system }, reason: 'another reason', idempotencyKey: key });
    expect(reused).toMatchObject({ bulkRevocation: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });

    // Without a key, a second request skips what is already being revoked.
    expect(await bulk({ selector: { system }, reason: 'again' })).toMatchObject({ bulkRevocation: { requested: 0, skipped: 2 } });
  });

  it('returns a missing reason or selector as a userError on its field, and requests nothing', async () => {
    const system = `bulk-${randomUUID()}`;
    const id = await discovered(system);

    expect(await bulk({ selector: { system }, reason: '  ' })).toMatchObject({
      bulkRevocation: null,
      userErrors: [{ field: ['reason'], code: 'INVALID' }],
    });
    expect(await bulk({ selector: { provider: ' ' }, reason: 'cleanup' })).toMatchObject({
      bulkRevocation: null,
      userErrors: [{ field: ['selector'], code: 'INVALID' }],
    });
    expect(await revocationsOf([id])).toBe(0);
  });

  it('needs security-admin: anyone else gets a top-level FORBIDDEN error, as with the old form', async () => {
    const result = await spec.subgraph.query(
      'mutation { bulkRevocationCreate(input: { selector: { system: "any" }, reason: "x" }) { bulkRevocation { requested } } }',
      {},
      OWNER,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('still answers the deprecated requestBulkRevocation', async () => {
    const system = `bulk-${randomUUID()}`;
    await discovered(system);
    const result = await spec.subgraph.query<{ requestBulkRevocation: { requested: number; skipped: number } }>(
      'mutation($s: RevocationSelector!) { requestBulkRevocation(selector: $s, reason: "old client") { requested skipped } }',
      { s: { system } },
    );
    expect(result.data?.requestBulkRevocation).toEqual({ requested: 1, skipped: 0 });
  });
});
