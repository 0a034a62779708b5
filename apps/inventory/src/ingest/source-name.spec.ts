import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalSource, isSourceName } from './source-name';

describe('source names', () => {
  it.each([
    'aws-config',
    'AWS-Config',
    'cloudtrail-usage',
    'gcp-asset-inventory',
    'entra-id',
    'github-audit',
    'github-secret-scanning',
    'vault-dr',
    'k8s-discovery',
    'agent-registry',
    'gitguardian',
    'e2e-src-a1b2c3',
    'guarded-1-lx3k2a9',
    'okta.prod',
  ])('accepts %s, lower-cased', (name) => {
    expect(canonicalSource(name)).toBe(name.toLowerCase());
  });

  it.each([
    ['a GitHub token', `ghp_${randomBytes(18).toString('hex')}`],
    ['a path', 'aws/config'],
    ['padding', 'YWJj='],
    ['spaces', ' vault '],
    ['a leading hyphen', '-vault'],
    ['64 characters', 'a'.repeat(64)],
    ['nothing', ''],
    ['a NUL', 'vault\u0000'],
    ['a bidi override', 'vault\u202E'],
  ])('refuses %s, naming the pattern and never the value', (_name, raw) => {
    expect(isSourceName(raw)).toBe(false);
    expect(() => canonicalSource(raw)).toThrow(/source must name the connector and match \^\[a-z0-9\]\[a-z0-9\.-\]\{0,62\}\$/);
    try {
      canonicalSource(raw);
    } catch (error) {
      if (raw) expect((error as Error).message).not.toContain(raw.trim());
    }
  });

  it('refuses every corpus secret that fits the name pattern, judged as sent (before lower-casing)', () => {
    const corpus = readFileSync(path.join(__dirname, '../../../../libs/secrets/corpus/secrets.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { value: string }).value);
    const fitting = corpus.filter((value) => isSourceName(value));
    expect(fitting.length).toBeGreaterThan(0);
    for (const secret of fitting) expect(() => canonicalSource(secret)).toThrow(/source looks like secret material/);
  });
});
