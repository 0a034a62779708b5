import { createPrivateKey } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { generateDevKeys, mintDevToken } from './dev-keys';
import { bearerToken, createJwtVerifier } from './jwt-verifier';

const keys = generateDevKeys();
const options = {
  publicKeyPem: keys.publicKeyPem,
  issuer: 'nhi-dev',
  audience: 'nhi-platform',
  clockToleranceSeconds: 5,
  algorithms: ['RS256', 'ES256'],
  rolesClaim: 'roles',
  ownerRefsClaim: 'owner_refs',
  sourcesClaim: 'sources',
};
const verify = createJwtVerifier(options);

describe('JWT verifier', () => {
  it('maps a valid dev token to an actor', async () => {
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'alice',
      roles: ['security-admin'],
      ownerRefs: ['team-payments'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });

    await expect(verify(token)).resolves.toEqual({ sub: 'alice', roles: ['security-admin'], ownerRefs: ['team-payments'], sources: [] });
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ roles: ['viewer'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('alice')
      .setIssuer('nhi-dev')
      .setAudience('nhi-platform')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(createPrivateKey(keys.privateKeyPem));

    await expect(verify(token)).rejects.toThrow('token has expired');
  });

  it('refuses a token for another audience', async () => {
    const token = await mintDevToken(keys.privateKeyPem, { sub: 'a', roles: ['viewer'], issuer: 'nhi-dev', audience: 'other' });

    await expect(verify(token)).rejects.toThrow('token is for another audience: aud must include "nhi-platform"');
  });

  it('refuses a token signed by another key', async () => {
    const token = await mintDevToken(generateDevKeys().privateKeyPem, {
      sub: 'a',
      roles: ['viewer'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });

    await expect(verify(token)).rejects.toThrow('token signature is invalid');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ roles: ['security-admin'] })
      .setSubject('mallory')
      .setIssuer('nhi-dev')
      .setAudience('nhi-platform')
      .setExpirationTime('1h')
      .encode();

    await expect(verify(token)).rejects.toThrow(/algorithm is not allowed|malformed/);
  });

  it("maps the identity provider's groups to roles when told how", async () => {
    const mapped = createJwtVerifier({
      ...options,
      rolesClaim: 'groups',
      roleMap: { 'nhi-admins': 'security-admin', 'sec-readers': 'viewer' },
    });
    const token = await new SignJWT({ groups: ['nhi-admins', 'sec-readers', 'everyone', 'auditor'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('alice')
      .setIssuer('nhi-dev')
      .setAudience('nhi-platform')
      .setExpirationTime('1h')
      .sign(createPrivateKey(keys.privateKeyPem));
    await expect(mapped(token)).resolves.toMatchObject({ roles: ['security-admin', 'viewer', 'auditor'] });
  });

  it('drops roles it does not know', async () => {
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'a',
      roles: ['viewer', 'god' as never],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });

    await expect(verify(token)).resolves.toMatchObject({ roles: ['viewer'] });
  });

  it('reads the bearer token and explains a bad Authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken(undefined)).toThrow(/missing Authorization header/);
    expect(() => bearerToken('Basic xyz')).toThrow(/must be "Bearer <token>"/);
  });
});
