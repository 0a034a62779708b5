import { accountOf, globToRegExp, matches, RuleSubject } from './rule-criteria';

const subject: RuleSubject = {
  name: 'payments-batch-prd',
  provider: 'aws',
  externalId: 'arn:aws:iam::123456789012:role/payments-batch',
  system: 'Billing',
  businessUnit: 'Payments',
  tags: { Team: 'payments', env: 'prod' },
};

describe('rule criteria', () => {
  it('matches when every criterion given holds, whatever the case', () => {
    expect(matches({ provider: 'AWS', system: 'billing', tags: { team: 'Payments' } }, subject)).toBe(true);
    expect(matches({ provider: 'aws', system: 'ledger' }, subject)).toBe(false);
    expect(matches({ tags: { team: 'payments', owner: 'x' } }, subject)).toBe(false);
  });

  it('matches a name glob, with * and ? only', () => {
    expect(matches({ namePattern: 'payments-*' }, subject)).toBe(true);
    expect(matches({ namePattern: 'payments-batch-p?d' }, subject)).toBe(true);
    expect(matches({ namePattern: 'batch*' }, subject)).toBe(false);
    expect(globToRegExp('a.b(c)*').test('a.b(c)xyz')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('reads the provider account from the external id or an account tag', () => {
    expect(accountOf(subject)).toBe('123456789012');
    expect(accountOf({ provider: 'gcp', externalId: 'etl@data-prod.iam.gserviceaccount.com', tags: {} })).toBe('data-prod');
    expect(accountOf({ provider: 'azure', externalId: '/subscriptions/0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11/x', tags: {} })).toBe(
      '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
    );
    expect(accountOf({ provider: 'github', externalId: 'app/42', tags: { account: 'ACME' } })).toBe('acme');
    expect(matches({ account: '123456789012' }, subject)).toBe(true);
  });
});
