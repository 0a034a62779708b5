import type { Actor } from '../actor';
import { assertActsForOwner, assertActsOnIdentities } from './owner-scope';

const alice: Actor = { sub: 'alice', roles: ['owner'], ownerRefs: ['alice', 'team-payments'] };
const admin: Actor = { sub: 'root', roles: ['security-admin'], ownerRefs: [] };
const viewer: Actor = { sub: 'val', roles: ['viewer'], ownerRefs: ['team-payments'] };

describe('owner scope', () => {
  it('lets an owner act on identities it owns directly or through its team, and a security-admin on any', () => {
    const targets = [
      { identityId: 'i-1', ownerPath: ['alice', 'team-payments', 'payments-division'] },
      { identityId: 'i-2', ownerPath: ['bob', 'team-payments'] },
    ];
    expect(() => assertActsOnIdentities(alice, targets, 'request a rotation')).not.toThrow();
    expect(() => assertActsOnIdentities(admin, [{ identityId: 'i-3', ownerPath: [] }], 'request a rotation')).not.toThrow();
  });

  it("refuses the whole action when an identity is another owner's, saying how many without naming them", () => {
    const targets = [
      { identityId: 'i-1', ownerPath: ['alice'] },
      { identityId: 'i-9', ownerPath: ['carol', 'team-billing'] },
      { identityId: 'i-8', ownerPath: [] },
    ];
    expect(() => assertActsOnIdentities(alice, targets, 'request a rotation')).toThrow(
      'Forbidden: alice may request a rotation only for identities owned by alice, team-payments or their teams; 2 identities here are owned by someone else',
    );
    expect(() => assertActsOnIdentities(alice, targets.slice(0, 2), 'request a rotation')).toThrow(
      'Forbidden: alice may request a rotation only for identities owned by alice, team-payments or their teams; one identity here is owned by someone else',
    );
  });

  it('refuses a role that cannot act at all, even on its own team', () => {
    expect(() => assertActsOnIdentities(viewer, [{ identityId: 'i-1', ownerPath: ['team-payments'] }], 'attest')).toThrow(
      /to attest needs the owner or security-admin role; val has viewer/,
    );
  });

  it('accepts a handoff only as the receiving owner or one of its teams', () => {
    expect(() => assertActsForOwner(alice, { ref: 'bob', path: ['bob', 'team-payments'] }, 'accept a handoff')).not.toThrow();
    expect(() => assertActsForOwner(alice, { ref: 'carol', path: ['carol', 'team-billing'] }, 'accept a handoff')).toThrow(
      'Forbidden: alice may accept a handoff only as alice, team-payments or their teams; the owner it is for is not one of them',
    );
  });
});
