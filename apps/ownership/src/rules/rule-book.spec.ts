import type { OwnerEntity } from '../owner-data/owner.entity';
import type { OwnershipRuleEntity } from './ownership-rule.entity';
import { usableRules } from './rule-book';

const rule = (id: string, ownerId: string, system: string): OwnershipRuleEntity => ({
  id,
  name: id,
  ownerId,
  mode: 'AUTO_ASSIGN',
  criteria: { system },
  confidence: 0.65,
  enabled: true,
  createdBy: 'test',
  createdAt: new Date(0),
});

const identity = { name: 'etl', provider: 'aws', externalId: 'x', system: 'Ledger', businessUnit: null, tags: {}, ownerId: null };

describe('usableRules', () => {
  const book = {
    rules: [
      rule('ledger', 'team', 'ledger'),
      rule('billing', 'team', 'billing'),
      rule('gone', 'leaver', 'ledger'),
      rule('other', 'other', 'ledger'),
    ],
    activeOwners: new Map([
      ['team', {} as OwnerEntity],
      ['other', {} as OwnerEntity],
    ]),
  };

  it('keeps the matching rules that name an active owner, oldest first', () => {
    expect(usableRules(book, identity).map((r) => r.id)).toEqual(['ledger', 'other']);
  });

  it('leaves out the current PRIMARY owner and the excluded one: a rule naming them changes nothing', () => {
    expect(usableRules(book, { ...identity, ownerId: 'team' }).map((r) => r.id)).toEqual(['other']);
    expect(usableRules(book, { ...identity, ownerId: 'team' }, 'other')).toEqual([]);
  });
});
