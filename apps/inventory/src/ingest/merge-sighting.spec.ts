import { mergeSighting } from './merge-sighting';
import type { NormalisedRow } from './normalised-row';

const t1 = new Date('2026-11-01T00:00:00Z');
const t2 = new Date('2026-11-02T00:00:00Z');

function row(overrides: Partial<NormalisedRow> = {}): NormalisedRow {
  return {
    provider: 'aws',
    externalId: 'role/payments',
    kind: 'SERVICE_ACCOUNT',
    sourceKind: null,
    name: 'payments',
    environment: null,
    inferredEnvironment: null,
    system: null,
    businessUnit: null,
    scopes: null,
    usedScopes: null,
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    credentialFingerprint: null,
    authMethod: null,
    interactiveUse: null,
    credentials: null,
    permissions: null,
    trustedPrincipals: null,
    mfaEnabled: null,
    neverUsed: null,
    tags: {},
    ...overrides,
  };
}

describe('mergeSighting', () => {
  it('creates an identity from its first sighting, deriving privilege from scopes', () => {
    const { state, created, changes } = mergeSighting(null, row({ scopes: ['s3:*'], environment: 'PRODUCTION' }), 'id-1', t1);

    expect(created).toBe(true);
    expect(changes).toEqual([]);
    expect(state).toMatchObject({
      id: 'id-1',
      environment: 'PRODUCTION',
      environmentInferred: false,
      privilegeLevel: 'HIGH',
      firstSeenAt: t1,
    });
  });

  it('lets the latest sighting win, but never erases what it does not carry', () => {
    const first = mergeSighting(null, row({ system: 'payments', businessUnit: 'Payments', tags: { team: 'a' } }), 'id-1', t1).state;

    const { state, changes } = mergeSighting(first, row({ name: 'payments-v2', businessUnit: 'Finance', tags: { tier: '1' } }), 'id-1', t2);

    expect(state).toMatchObject({ name: 'payments-v2', system: 'payments', businessUnit: 'Finance', tags: { team: 'a', tier: '1' } });
    expect(changes).toEqual([
      { field: 'name', previous: 'payments', current: 'payments-v2' },
      { field: 'businessUnit', previous: 'Payments', current: 'Finance' },
      { field: 'tags', previous: { team: 'a' }, current: { team: 'a', tier: '1' } },
    ]);
  });

  it('keeps a stated environment over a later inferred one, and replaces an inferred one with a stated one', () => {
    const stated = mergeSighting(null, row({ environment: 'STAGING' }), 'id-1', t1).state;
    expect(mergeSighting(stated, row({ inferredEnvironment: 'PRODUCTION' }), 'id-1', t2).state).toMatchObject({
      environment: 'STAGING',
      environmentInferred: false,
    });

    const inferred = mergeSighting(null, row({ inferredEnvironment: 'DEVELOPMENT' }), 'id-2', t1).state;
    expect(inferred).toMatchObject({ environment: 'DEVELOPMENT', environmentInferred: true });
    expect(mergeSighting(inferred, row({ environment: 'PRODUCTION' }), 'id-2', t2).state).toMatchObject({
      environment: 'PRODUCTION',
      environmentInferred: false,
    });
  });

  it('keeps the word of an unknown kind, and lets a known kind replace it', () => {
    const other = mergeSighting(null, row({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' }), 'id-1', t1).state;
    expect(other).toMatchObject({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });

    const renamed = mergeSighting(other, row({ kind: 'OTHER', sourceKind: 'oidc provider' }), 'id-1', t2);
    expect(renamed.changes).toEqual([{ field: 'sourceKind', previous: 'AWS::IAM::OIDCProvider', current: 'oidc provider' }]);

    const known = mergeSighting(other, row({ kind: 'SERVICE_ACCOUNT' }), 'id-1', t2);
    expect(known.state).toMatchObject({ kind: 'SERVICE_ACCOUNT', sourceKind: null });
    expect(known.changes).toEqual([
      { field: 'kind', previous: 'OTHER', current: 'SERVICE_ACCOUNT' },
      { field: 'sourceKind', previous: 'AWS::IAM::OIDCProvider', current: null },
    ]);
  });

  it('never lets an unknown kind replace a known one, as a field left out never erases a value', () => {
    const known = mergeSighting(null, row({ kind: 'API_KEY' }), 'id-1', t1).state;

    const again = mergeSighting(known, row({ kind: 'OTHER', sourceKind: 'key thing' }), 'id-1', t2);

    expect(again.state).toMatchObject({ kind: 'API_KEY', sourceKind: null });
    expect(again.changes).toEqual([]);
  });

  it('only moves lastUsedAt forward', () => {
    const first = mergeSighting(null, row({ lastUsedAt: t2 }), 'id-1', t1).state;

    expect(mergeSighting(first, row({ lastUsedAt: t1 }), 'id-1', t2).state.lastUsedAt).toEqual(t2);
  });

  it('reports no change for the same sighting again, only a later lastSeenAt', () => {
    const input = row({ scopes: ['a:read'], tags: { x: '1' }, createdAt: t1 });
    const first = mergeSighting(null, input, 'id-1', t1).state;

    const again = mergeSighting(first, input, 'id-1', t2);

    expect(again.changes).toEqual([]);
    expect(again.state.lastSeenAt).toEqual(t2);
  });

  it('brings a stale identity back, but never a decommissioned one', () => {
    const base = mergeSighting(null, row(), 'id-1', t1).state;

    expect(mergeSighting({ ...base, status: 'STALE' }, row(), 'id-1', t2).state.status).toBe('ACTIVE');
    expect(mergeSighting({ ...base, status: 'DECOMMISSIONED' }, row(), 'id-1', t2).state.status).toBe('DECOMMISSIONED');
  });
});
