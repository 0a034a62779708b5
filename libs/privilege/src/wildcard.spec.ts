import { covers, hasWildcard, overlaps } from './wildcard';

const actions = { ignoreCase: true };
const resources = { ignoreCase: false };

describe('covers', () => {
  it.each([
    ['*', 'iam:CreateAccessKey', true],
    ['iam:*', 'iam:CreateAccessKey', true],
    ['iam:Create*', 'iam:CreateAccessKey', true],
    ['iam:Create*', 'iam:DeleteAccessKey', false],
    ['iam:?reateAccessKey', 'iam:CreateAccessKey', true],
    ['iam:?reateAccessKey', 'iam:reateAccessKey', false],
    ['iam:createaccesskey', 'IAM:CreateAccessKey', true],
    ['*', '*', true],
    ['iam:*', '*', false],
    ['s3:*', 's3:Get*', true],
    ['s3:Get*', 's3:*', false],
    ['s3:Get*', 's3:GetObject*', true],
    ['?', '*', false],
    ['s3:?etObject', 's3:?etObject', true],
    ['s3:GetObject', 's3:?etObject', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(covers(outer, inner, actions)).toBe(expected);
  });

  it('compares resources with their case', () => {
    expect(covers('arn:aws:s3:::Logs/*', 'arn:aws:s3:::logs/a', resources)).toBe(false);
    expect(covers('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/a/b', resources)).toBe(true);
  });

  it('lets * run across colons and slashes, as ARNs need', () => {
    expect(covers('arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:role/path/deploy', resources)).toBe(true);
    expect(covers('arn:aws:iam::*:*', 'arn:aws:iam::*:role/*', resources)).toBe(true);
  });
});

describe('overlaps', () => {
  it.each([
    ['iam:*', '*', true],
    ['iam:*', 's3:*', false],
    ['s3:Get*', 's3:*Object', true],
    ['s3:Put*', 's3:Get*', false],
    ['s3:?etObject', 's3:GetObject', true],
    ['iam:PassRole', 'iam:passrole', true],
    ['a*b', 'a?c', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(overlaps(a, b, actions)).toBe(expected);
    expect(overlaps(b, a, actions)).toBe(expected);
  });
});

describe('hasWildcard', () => {
  it('spots * and ?', () => {
    expect(hasWildcard('s3:Get*')).toBe(true);
    expect(hasWildcard('s3:?etObject')).toBe(true);
    expect(hasWildcard('s3:GetObject')).toBe(false);
  });
});
