import { screenDeadLetter, screenFailureError } from './dead-letter-screening';
import { WITHHELD_TEXT } from './integrator-dead-letter';

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

describe('screenDeadLetter of an integrator result', () => {
  const event = (data: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ specversion: '1.0', id: 'e-1', source: '/acme', type: 'nhi.rotation.completed', data }));
  const ids = { requestId: '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11', nhiId: '1c9f2f7e-7d8a-4c39-9d59-8e0b7f2f2b12' };

  it("withholds the texts of its data, a token in a fingerprint's shape included, and keeps the ids and times (issue 15)", () => {
    // An AWS secret key in fingerprint form: no content rule can tell it from a hash.
    const carrier = 'sha256:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const value = event({ ...ids, rotatedAt: '2026-12-02T10:00:00Z', newCredentialFingerprint: carrier });
    const screened = screenDeadLetter({ key: null, value, headers: {} }, { fromIntegrator: true });

    expect(screened.withheld).toEqual(['data texts']);
    expect(screened.value!.toString()).not.toContain('wJalrXUtnFEMI');
    expect(JSON.parse(screened.value!.toString()).data).toEqual({
      ...ids,
      rotatedAt: '2026-12-02T10:00:00Z',
      newCredentialFingerprint: WITHHELD_TEXT,
    });
  });

  it("keeps a result with only ids and times, and the platform's own events, as they came", () => {
    const value = event({ ...ids, rotatedAt: '2026-12-02T10:00:00Z' });
    expect(screenDeadLetter({ key: null, value, headers: {} }, { fromIntegrator: true }).value).toBe(value);
    const own = event({ ...ids, note: 'ordinary text' });
    expect(screenDeadLetter({ key: null, value: own, headers: {} }).value).toBe(own);
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
