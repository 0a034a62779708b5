import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from './rules';
import { MANAGED_POLICIES } from './rules/aws-managed-policy-table';

// The model's documentation lists every rule and every managed policy: a rule or an entry added without it fails here.
const doc = readFileSync(join(__dirname, '../../../docs/privilege-model.md'), 'utf8');

describe('docs/privilege-model.md', () => {
  it.each([...new Set(allRules().map(({ rule }) => rule.id))])('documents rule %s', (id) => {
    expect(doc).toContain(`\`${id}\``);
  });

  it.each(MANAGED_POLICIES.map((policy) => [policy.path + policy.name, policy.level] as const))('lists %s at %s', (name, level) => {
    expect(doc).toMatch(new RegExp(`\\| \`${name.replace(/[/.]/g, '\\$&')}\` +\\| ${level} +\\|`));
  });
});
