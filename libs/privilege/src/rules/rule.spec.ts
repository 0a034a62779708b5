import { fixedRule } from './rule';

describe('fixedRule', () => {
  it('gives every finding the rule id and level', () => {
    const rule = fixedRule('x.rule', 'HIGH', 'A rule for the test.', ['https://example.org'], (statements) => statements.map((s) => s.via));
    expect(rule.judge([{ effect: 'Allow', actions: ['a'], via: 'one' }])).toEqual([{ rule: 'x.rule', level: 'HIGH', evidence: 'one' }]);
    expect(rule).toMatchObject({ id: 'x.rule', level: 'HIGH', sources: ['https://example.org'] });
  });
});
