import { signActorHeader, verifyActorHeader } from './actor-header';

const key = 'a'.repeat(32);
const actor = { sub: 'alice', roles: ['security-admin' as const], ownerRefs: ['team-payments'] };

describe('actor header', () => {
  it('round-trips an actor signed with the shared key', () => {
    expect(verifyActorHeader(signActorHeader(actor, key), key)).toEqual({ ...actor, sources: [] });
  });

  it('refuses a missing header and says where requests must come from', () => {
    expect(() => verifyActorHeader(undefined, key)).toThrow(/must come through the gateway/);
  });

  it('refuses a header signed with another key', () => {
    expect(() => verifyActorHeader(signActorHeader(actor, 'b'.repeat(32)), key)).toThrow(/invalid x-nhi-actor signature/);
  });

  it('refuses a header whose payload was altered after signing', () => {
    const [version, , signature] = signActorHeader(actor, key).split('.');
    const forged = Buffer.from(JSON.stringify({ ...actor, roles: ['security-admin'], sub: 'mallory', exp: 9e9 })).toString('base64url');

    expect(() => verifyActorHeader(`${version}.${forged}.${signature}`, key)).toThrow(/invalid x-nhi-actor signature/);
  });

  it('refuses an expired header', () => {
    const issued = signActorHeader(actor, key, 60, Date.now() - 120_000);

    expect(() => verifyActorHeader(issued, key)).toThrow(/expired/);
  });

  it('refuses unknown roles even when signed', () => {
    const bad = signActorHeader({ ...actor, roles: ['root' as never] }, key);

    expect(() => verifyActorHeader(bad, key)).toThrow(/valid roles/);
  });
});
