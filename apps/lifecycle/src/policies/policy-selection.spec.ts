import { choosePolicy, SelectablePolicy } from './policy-selection';

const policy = (name: string, overrides: Partial<SelectablePolicy> = {}): SelectablePolicy => ({
  name,
  isDefault: false,
  priority: 0,
  kinds: [],
  environments: [],
  privilegeLevels: [],
  providers: [],
  businessUnits: [],
  ...overrides,
});

const subject = { kind: 'API_KEY', environment: 'PRODUCTION', privilegeLevel: 'ADMIN', provider: 'aws', businessUnit: 'Payments' };

describe('choosePolicy', () => {
  const fallback = policy('default', { isDefault: true });

  it('takes the most specific policy that selects the identity', () => {
    const keys = policy('api keys', { kinds: ['API_KEY'], priority: 10 });
    const prodKeys = policy('production keys', { kinds: ['API_KEY'], environments: ['PRODUCTION'] });
    const gcp = policy('gcp', { providers: ['gcp'], kinds: ['API_KEY'], environments: ['PRODUCTION'] });

    expect(choosePolicy([fallback, keys, prodKeys, gcp], subject)?.name).toBe('production keys');
  });

  it('breaks a tie between equally specific policies by priority, then name', () => {
    const low = policy('b admin', { privilegeLevels: ['ADMIN'], priority: 1 });
    const high = policy('z payments', { businessUnits: ['payments'], priority: 5 });
    const sameAsHigh = policy('a payments', { businessUnits: ['Payments'], priority: 5 });

    expect(choosePolicy([fallback, low, high], subject)?.name).toBe('z payments');
    expect(choosePolicy([fallback, high, sameAsHigh], subject)?.name).toBe('a payments');
  });

  it('falls back to the default policy when nothing narrower matches', () => {
    expect(choosePolicy([policy('certs', { kinds: ['CERTIFICATE'] }), fallback], subject)?.name).toBe('default');
    expect(choosePolicy([policy('bu', { businessUnits: ['x'] }), fallback], { ...subject, businessUnit: null })?.name).toBe('default');
  });
});
