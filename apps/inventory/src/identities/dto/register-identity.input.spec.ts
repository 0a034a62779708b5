import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RegisterIdentityInput } from './register-identity.input';

async function problems(input: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(RegisterIdentityInput, input));
  return errors.flatMap((e) => Object.values(e.constraints ?? {}));
}

const valid = { source: 'aws-config', kind: 'API_KEY', name: 'k', provider: 'aws', externalId: 'id-1' };

describe('RegisterIdentityInput', () => {
  it('accepts a minimal identity', async () => {
    expect(await problems(valid)).toEqual([]);
  });

  it('accepts a hash as fingerprint and refuses anything that could be the credential itself', async () => {
    expect(await problems({ ...valid, credentialFingerprint: 'sha256:47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' })).toEqual([]);
    expect(await problems({ ...valid, credentialFingerprint: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a' })).toEqual([
      expect.stringContaining('a hash of the credential and never the credential itself'),
    ]);
  });

  it('refuses an unknown kind and an empty name', async () => {
    const found = await problems({ ...valid, kind: 'ROBOT', name: '' });

    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/kind must be one of/), expect.stringMatching(/name must be longer/)]),
    );
  });
});
