import { allRules, providerKey, rulesFor } from '.';

describe('the rule registry', () => {
  it('knows each provider by the words rows use', () => {
    expect(providerKey('AWS')).toBe('aws');
    expect(providerKey('k8s')).toBe('kubernetes');
    expect(providerKey('Entra')).toBe('azure');
    expect(providerKey('openai')).toBe('generic');
  });

  it('gives each provider rules with distinct ids', () => {
    for (const provider of ['aws', 'kubernetes', 'gcp', 'azure', 'github', 'acme']) {
      const ids = rulesFor(provider).map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has a summary for every rule and a public source for every provider-specific one', () => {
    for (const { rule } of allRules()) {
      expect(rule.summary.length).toBeGreaterThan(10);
      if (/^(aws|k8s|gcp|azure|github)\./.test(rule.id)) expect(rule.sources.every((url) => url.startsWith('https://'))).toBe(true);
      if (/^(aws|k8s|gcp|azure|github)\./.test(rule.id)) expect(rule.sources.length).toBeGreaterThan(0);
    }
  });
});
