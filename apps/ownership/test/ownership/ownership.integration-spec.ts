import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_model', { ORPHAN_GRACE_DAYS: '7' });

const ref = uniqueNames();

/** The events about one identity that reached Kafka, in order, as [type, data]. */
async function eventsOf(identityId: string, count: number): Promise<Array<[string, Record<string, unknown>]>> {
  const messages = await waitFor(
    () => {
      const mine = spec.tap.messages.filter((m) => m.key === identityId);
      return mine.length >= count && mine;
    },
    { what: `${count} ownership events about ${identityId}` },
  );
  return messages.map((m) => {
    const event = JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> };
    return [event.type, event.data];
  });
}

const countHistory = async (identityId: string) =>
  (await spec.subgraph.sql<{ n: number }>('SELECT count(*)::int AS n FROM ownership_history WHERE identity_id = $1', [identityId]))[0]?.n;

describe('owners', () => {
  it('creates a team hierarchy by reference and updates an owner in place', async () => {
    const division = await spec.client.owner({ externalRef: ref('division'), kind: 'TEAM', name: 'Platform division' });
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments', parentRef: division.externalRef });
    const renamed = await spec.client.owner({
      externalRef: team.externalRef,
      kind: 'TEAM',
      name: 'Payments Core',
      parentRef: division.externalRef,
    });

    expect(renamed).toMatchObject({ id: team.id, name: 'Payments Core', active: true, parent: { externalRef: division.externalRef } });
  });

  it.each([
    [{ kind: 'TEAM', name: 'x', parentRef: 'nobody-has-this' }, /^parentRef names no owner; create the team first$/],
    [{ kind: 'PERSON', name: 'x', email: 'not-an-address' }, /^email is not an e-mail address/],
    [{ kind: 'TEAM', name: '   ' }, /name is required/],
  ])('refuses bad input with a clear error: %j', async (input, message) => {
    const result = await spec.client.upsertOwner({ externalRef: ref('bad'), ...input });

    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a person as a parent and a loop in the hierarchy', async () => {
    const person = await spec.client.owner({ externalRef: ref('alice'), kind: 'PERSON', name: 'Alice' });
    const top = await spec.client.owner({ externalRef: ref('top'), kind: 'TEAM', name: 'Top' });
    const child = await spec.client.owner({ externalRef: ref('child'), kind: 'TEAM', name: 'Child', parentRef: top.externalRef });

    const underPerson = await spec.client.upsertOwner({ externalRef: ref('team'), kind: 'TEAM', name: 'T', parentRef: person.externalRef });
    const loop = await spec.client.upsertOwner({ externalRef: top.externalRef, kind: 'TEAM', name: 'Top', parentRef: child.externalRef });

    expect(underPerson.errors?.[0]?.message).toBe('parentRef names a PERSON; a parent must be a TEAM');
    expect(loop.errors?.[0]?.message).toBe('parentRef names a team inside this owner, which would put the owner inside itself');
  });
});

describe('assignment', () => {
  it('gives an identity one PRIMARY and one BACKUP owner, records who and why, and publishes each change', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const bob = await spec.client.owner({ externalRef: ref('bob'), kind: 'PERSON', name: 'Bob', email: 'Bob@Example.com' });

    const primary = await spec.client.assign({ identityId, ownerId: team.id, reason: 'runs the billing batch' });
    const backup = await spec.client.assign({ identityId, ownerId: bob.id, role: 'BACKUP' });

    expect(primary.data?.assignOwner).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: team.externalRef } });
    expect(backup.data?.assignOwner).toMatchObject({
      owner: { externalRef: team.externalRef },
      backupOwner: { externalRef: bob.externalRef },
    });
    expect(await spec.client.history(identityId)).toEqual([
      {
        role: 'PRIMARY',
        change: 'ASSIGNED',
        via: 'MANUAL',
        actor: 'test-admin',
        reason: 'runs the billing batch',
        owner: { externalRef: team.externalRef },
        previousOwner: null,
      },
      {
        role: 'BACKUP',
        change: 'ASSIGNED',
        via: 'MANUAL',
        actor: 'test-admin',
        reason: null,
        owner: { externalRef: bob.externalRef },
        previousOwner: null,
      },
    ]);
    const events = await eventsOf(identityId, 2);
    expect(events).toEqual([
      [
        'nhi.ownership.assigned',
        expect.objectContaining({ ownerId: team.id, ownerRef: team.externalRef, role: 'PRIMARY', ownershipStatus: 'OWNED', via: 'MANUAL' }),
      ],
      ['nhi.ownership.assigned', expect.objectContaining({ ownerId: bob.id, role: 'BACKUP', previousOwnerId: null })],
    ]);
  });

  it('refuses a second PRIMARY, an inactive or unknown owner, an unknown identity and a backup who is the primary, changing nothing', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const other = await spec.client.owner({ externalRef: ref('other'), kind: 'TEAM', name: 'Other' });
    const gone = await spec.client.owner({ externalRef: ref('gone'), kind: 'PERSON', name: 'Gone', active: false });
    await spec.client.assign({ identityId, ownerId: team.id });
    const before = await countHistory(identityId);

    const attempts = await Promise.all([
      spec.client.assign({ identityId, ownerId: other.id }),
      spec.client.assign({ identityId, ownerId: gone.id }),
      spec.client.assign({ identityId, ownerId: '00000000-0000-7000-8000-000000000000' }),
      spec.client.assign({ identityId: '00000000-0000-7000-8000-000000000001', ownerId: other.id }),
      spec.client.assign({ identityId, ownerId: team.id, role: 'BACKUP' }),
    ]);

    expect(attempts.map((a) => [a.errors?.[0]?.extensions?.['code'], a.errors?.[0]?.message])).toEqual([
      ['BAD_USER_INPUT', expect.stringMatching(/already has a PRIMARY owner, Payments; .* pass replace: true/)],
      ['BAD_USER_INPUT', expect.stringMatching(/this owner is inactive since/)],
      ['NOT_FOUND', 'no owner has this ownerId'],
      ['NOT_FOUND', expect.stringMatching(/ownership knows no identity with this identityId/)],
      ['BAD_USER_INPUT', expect.stringMatching(/is the PRIMARY owner; a BACKUP must be someone else/)],
    ]);
    expect(await countHistory(identityId)).toBe(before);
    expect(await spec.client.identity(identityId)).toMatchObject({ owner: { externalRef: team.externalRef }, backupOwner: null });

    const replaced = await spec.client.assign({ identityId, ownerId: other.id, replace: true, reason: 'team change' });
    expect(replaced.data?.assignOwner.owner).toEqual({ externalRef: other.externalRef });
  });

  it('keeps the history append-only, even against direct SQL', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    await spec.client.assign({ identityId, ownerId: team.id });

    await expect(
      spec.subgraph.sql("UPDATE ownership_history SET actor = 'someone-else' WHERE identity_id = $1", [identityId]),
    ).rejects.toThrow(/ownership_history is append-only: UPDATE is not allowed/);
    await expect(spec.subgraph.sql('DELETE FROM ownership_history WHERE identity_id = $1', [identityId])).rejects.toThrow(
      /append-only: DELETE/,
    );
    expect(await countHistory(identityId)).toBe(1);
  });
});

describe('an owner leaves (OWASP NHI1)', () => {
  it('hands a departing person’s identities to the backup, else the parent team, else orphans them with a grace period', async () => {
    const division = await spec.client.owner({ externalRef: ref('division'), kind: 'TEAM', name: 'Division' });
    const carol = await spec.client.owner({ externalRef: ref('carol'), kind: 'PERSON', name: 'Carol', parentRef: division.externalRef });
    const dave = await spec.client.owner({ externalRef: ref('dave'), kind: 'PERSON', name: 'Dave' });
    const erin = await spec.client.owner({ externalRef: ref('erin'), kind: 'PERSON', name: 'Erin' });
    const [withBackup, withTeam] = [await spec.client.discovered(), await spec.client.discovered()];
    const alone = await spec.client.discovered();
    await spec.client.assign({ identityId: withBackup, ownerId: carol.id });
    await spec.client.assign({ identityId: withBackup, ownerId: dave.id, role: 'BACKUP' });
    await spec.client.assign({ identityId: withTeam, ownerId: carol.id });
    await spec.client.assign({ identityId: alone, ownerId: erin.id });
    await spec.client.assign({ identityId: alone, ownerId: carol.id, role: 'BACKUP' });

    const left = await spec.client.deactivate(carol.id, 'left the company');
    await spec.client.deactivate(erin.id, 'left the company');

    expect(left.data?.deactivateOwner).toMatchObject({ active: false });
    expect(await spec.client.identity(withBackup)).toMatchObject({
      ownershipStatus: 'OWNED',
      owner: { externalRef: dave.externalRef },
      backupOwner: null,
    });
    expect(await spec.client.identity(withTeam)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: division.externalRef } });
    // Erin's backup (Carol) had left already: nobody is left to take it.
    expect(await spec.client.identity(alone)).toMatchObject({ ownershipStatus: 'ORPHANED', owner: null, backupOwner: null });

    expect((await eventsOf(withBackup, 4)).slice(2)).toEqual([
      ['nhi.ownership.unassigned', expect.objectContaining({ ownerId: dave.id, role: 'BACKUP' })],
      [
        'nhi.ownership.assigned',
        expect.objectContaining({ ownerId: dave.id, role: 'PRIMARY', via: 'BACKUP_PROMOTED', previousOwnerId: carol.id }),
      ],
    ]);
    expect((await eventsOf(withTeam, 2))[1]).toEqual([
      'nhi.ownership.assigned',
      expect.objectContaining({ ownerId: division.id, via: 'PARENT_TEAM', previousOwnerId: carol.id }),
    ]);
    const [, , , [type, orphaned]] = await eventsOf(alone, 4);
    expect(type).toBe('nhi.ownership.orphaned');
    expect(orphaned).toMatchObject({ previousOwnerId: erin.id, cause: 'OWNER_DEACTIVATED' });
    const graceDays = (Date.parse(String(orphaned['graceEndsAt'])) - Date.parse(String(orphaned['orphanedAt']))) / 86_400_000;
    expect(graceDays).toBe(7);
  });

  it('lists orphans and unassigned identities, and an owner’s identities, as connections', async () => {
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Short-lived' });
    const owned = [await spec.client.discovered(), await spec.client.discovered(), await spec.client.discovered()];
    for (const identityId of owned) await spec.client.assign({ identityId, ownerId: team.id });

    const byOwner = await spec.subgraph.query<{
      owner: {
        identities: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    }>(
      `query($id: ID!) { owner(id: $id) { identities(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
      { id: team.id },
    );
    const firstPage = byOwner.data?.owner.identities;
    expect(firstPage).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });

    await spec.client.deactivate(team.id, 'team dissolved');
    const orphans = await spec.subgraph.query<{
      orphanedIdentities: { totalCount: number; edges: Array<{ node: { id: string; ownershipStatus: string } }> };
    }>('{ orphanedIdentities(first: 500) { totalCount edges { node { id ownershipStatus } } } }');
    const orphanIds = orphans.data?.orphanedIdentities.edges.map((e) => e.node.id) ?? [];
    expect(orphanIds).toEqual(expect.arrayContaining(owned));
    expect(orphans.data?.orphanedIdentities.edges.every((e) => e.node.ownershipStatus === 'ORPHANED')).toBe(true);
    const [, [, data]] = await eventsOf(owned[0] ?? '', 2);
    expect(data).toMatchObject({ cause: 'TEAM_REMOVED' });

    const fresh = await spec.client.discovered();
    const unassigned = await spec.subgraph.query<{ unassignedIdentities: { edges: Array<{ node: { id: string } }> } }>(
      '{ unassignedIdentities(first: 500) { edges { node { id } } } }',
    );
    expect(unassigned.data?.unassignedIdentities.edges.map((e) => e.node.id)).toContain(fresh);
  });
});
