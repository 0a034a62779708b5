import { bounded, grantEvidence, listNames } from './evidence';

describe('evidence', () => {
  it('names the permission, where it reaches and the granting statements', () => {
    expect(grantEvidence(['iam:CreateAccessKey'], '*', { conditional: false, via: ['inline policy ci-deploy'] })).toBe(
      'iam:CreateAccessKey allowed on * via inline policy ci-deploy',
    );
  });

  it('says when every grant is conditional', () => {
    expect(grantEvidence(['iam:PassRole'], '*', { conditional: true, via: ['managed policy X'] })).toBe(
      'iam:PassRole allowed on * (conditional) via managed policy X',
    );
  });

  it('shortens long lists and long text', () => {
    expect(listNames(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d and 2 more');
    expect(listNames(['a', 'a', 'b'])).toBe('a, b');
    expect(bounded('x'.repeat(400))).toHaveLength(300);
    expect(bounded('x'.repeat(400)).endsWith('…')).toBe(true);
  });
});
