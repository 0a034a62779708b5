import { blankIdentityState, changesBetween, IdentityState } from './identity-state';

const seenAt = new Date('2026-11-01T00:00:00Z');

function state(overrides: Partial<IdentityState> = {}): IdentityState {
  return {
    ...blankIdentityState({ id: 'a', provider: 'aws', externalId: 'role/x', kind: 'SERVICE_ACCOUNT', name: 'x' }, seenAt),
    ...overrides,
  };
}

describe('changesBetween', () => {
  it('sees nothing between equal states, whatever the order of tags or the copy of a date', () => {
    const before = state({ tags: { team: 'payments', env: 'prod' }, scopes: ['a', 'b'], createdAt: new Date('2026-01-01T00:00:00Z') });
    const after = state({ tags: { env: 'prod', team: 'payments' }, scopes: ['a', 'b'], createdAt: new Date('2026-01-01T00:00:00Z') });

    expect(changesBetween(before, after)).toEqual([]);
  });

  it('reports each changed field with its previous and current value, dates as ISO text', () => {
    const before = state({ scopes: ['a', 'b'], tags: { team: 'payments' }, expiresAt: null });
    const after = state({ scopes: ['b', 'a'], tags: { team: 'billing' }, expiresAt: new Date('2027-01-01T00:00:00Z') });

    expect(changesBetween(before, after)).toEqual([
      { field: 'scopes', previous: ['a', 'b'], current: ['b', 'a'] },
      { field: 'tags', previous: { team: 'payments' }, current: { team: 'billing' } },
      { field: 'expiresAt', previous: null, current: '2027-01-01T00:00:00.000Z' },
    ]);
  });

  it('tells a tag added or removed from the same number of tags', () => {
    expect(changesBetween(state({ tags: { a: '1' } }), state({ tags: { b: '1' } }))).toHaveLength(1);
    expect(changesBetween(state({ usedScopes: null }), state({ usedScopes: [] }))).toHaveLength(1);
  });
});
