import { normalisedFingerprint } from './fingerprint';

describe('normalisedFingerprint', () => {
  it('takes the algorithm in any case, as OpenSSH writes it, and gives it in lower case', () => {
    expect(normalisedFingerprint(' SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s ')).toBe(
      'sha256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
    );
    expect(normalisedFingerprint('sha1:0123456789abcdef0123')).toBe('sha1:0123456789abcdef0123');
  });

  it('refuses what is not a hash of a credential', () => {
    expect(normalisedFingerprint('md5:0123456789abcdef0123')).toBeNull();
    expect(normalisedFingerprint('AKIAIOSFODNN7EXAMPLE')).toBeNull();
    expect(normalisedFingerprint('sha256:short')).toBeNull();
  });
});
