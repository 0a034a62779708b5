import { readFileSync } from 'node:fs';
import path from 'node:path';
import { githubChecksum } from './github-checksum';
import { findSecretInValue, secretFieldMessage, withholdSecretText } from './secret-fields';

const FAKE_BODY = 'FAKE0123456789abcdefghijklmnop';
const GITHUB = `ghp_${FAKE_BODY}${githubChecksum(FAKE_BODY)}`;

function corpus(file: string): Array<{ format: string; value: string; field: string }> {
  return readFileSync(path.join(__dirname, '../corpus', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { format: string; value: string; field: string });
}

describe('findSecretInValue: free text in mutation arguments', () => {
  it('names the path of the first secret-looking string, however deep', () => {
    const args = { input: { name: 'payments', entries: [{ email: 'a@example.com' }, { note: `see ${GITHUB}` }] } };
    expect(findSecretInValue(args)).toEqual({ field: 'input.entries[1].note', looksLike: 'a GitHub token' });
    expect(findSecretInValue({ reason: `password = Fake-Passw0rd` })).toEqual({ field: 'reason', looksLike: 'a password assignment' });
  });

  it('finds every corpus secret in a free-text field, a list item and a nested input field', () => {
    const missed = corpus('secrets.ndjson').filter(
      ({ value }) =>
        !findSecretInValue({ reason: value }) ||
        !findSecretInValue({ input: { compensatingControls: ['ok', value] } }) ||
        !findSecretInValue({ input: { tags: [{ key: 'team', value }] } }),
    );
    expect(missed.map((sample) => sample.format)).toEqual([]);
  });

  it('lets documented identifiers through in identifier fields, and ordinary text anywhere', () => {
    const identifiers = corpus('identifiers.ndjson');
    const refused = identifiers.filter(({ value, field }) => findSecretInValue({ input: { [field]: value } }) !== null);
    expect(refused.map((sample) => `${sample.format} in ${sample.field}`)).toEqual([]);
    expect(
      findSecretInValue({ reason: 'vendor freeze until the migration; see ticket SEC-1234', when: new Date(), n: 3, ok: true }),
    ).toBeNull();
  });

  it('never quotes the value in its message', () => {
    const found = findSecretInValue({ note: GITHUB })!;
    expect(secretFieldMessage(found)).toMatch(/^note looks like it contains secret material \(a GitHub token\)/);
    expect(secretFieldMessage(found)).not.toContain(FAKE_BODY);
  });
});

describe("withholdSecretText: another system's free text", () => {
  it('keeps harmless text and replaces secret-looking text with a note naming the field', () => {
    expect(withholdSecretText('connection refused by vault', 'error')).toBe('connection refused by vault');
    expect(withholdSecretText(`rotation failed, old key ${GITHUB}`, 'error')).toBe('[withheld: error looked like a GitHub token]');
  });
});
