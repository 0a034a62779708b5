import { screenDeadLetter, screenFailureError } from './dead-letter-screening';

// Fake secrets in real shapes (libs/secrets/corpus); none is or was a credential.
const TOKEN = 'glpat-FAKEiVeYZ7lbf9xJQm0a';
const PASSWORD = 'password = FakeGc5W9VVH!';

describe('screenDeadLetter', () => {
  it('keeps an ordinary dead letter exactly as it came', () => {
    const message = { key: Buffer.from('id-1'), value: Buffer.from('{"type":"x"}'), headers: { 'x-trace': 'abc' } };
    expect(screenDeadLetter(message)).toEqual({ ...message, withheld: [] });
  });

  it('replaces a secret-looking value, key and header, and says which it withheld', () => {
    const screened = screenDeadLetter({
      key: Buffer.from(TOKEN),
      value: Buffer.from(`{"error":"${PASSWORD}"`),
      headers: { 'x-note': [Buffer.from(TOKEN)], 'x-ok': 'fine' },
    });
    expect(screened.withheld).toEqual(['value', 'key', 'header x-note']);
    expect(screened.key).toBeNull();
    expect(JSON.parse(screened.value!.toString())).toEqual({
      withheld: 'the message value looked like a password assignment and is not kept',
      bytes: 35,
    });
    expect(screened.headers).toEqual({ 'x-note': '[withheld]', 'x-ok': 'fine', 'x-withheld': 'value, key, header x-note' });
  });
});

describe('screenFailureError', () => {
  it('keeps an ordinary error and reports one that quotes a secret without its text', () => {
    const plain = new Error('data/requestId must match format "uuid"');
    expect(screenFailureError(plain)).toBe(plain);
    const quoting = new TypeError(`cannot parse ${TOKEN}`);
    const screened = screenFailureError(quoting) as Error;
    expect(screened.name).toBe('TypeError');
    expect(screened.message).toBe('[withheld: the error message looked like a GitLab token]');
  });
});
