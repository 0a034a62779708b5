import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';

const spec = ownershipSpec('ownership_directory', {
  DIRECTORY_SYNC_MAX_REMOVAL_SHARE: '0.5',
  // Grace and revocation delays of about a second, so the test can watch an orphan escalate.
  ORPHAN_GRACE_DAYS: '0.00001',
  ORPHAN_REVOKE_AFTER_DAYS: '0.00001',
  DEADLINE_CHECK_INTERVAL_MS: '200',
});

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
  merged: number;
  identitiesMoved: number;
  identitiesOrphaned: number;
  dryRun: boolean;
  rejected: Array<{ index: number; externalRef: string | null; reason: string }>;
}

async function sync(directory: string, entries: Array<Record<string, unknown>>, options: { force?: boolean; dryRun?: boolean } = {}) {
  return spec.subgraph.query<{ syncDirectory: Report }>(
    `mutation($input: DirectorySyncInput!) {
       syncDirectory(input: $input) {
         created updated unchanged reactivated deactivated merged identitiesMoved identitiesOrphaned dryRun rejected { index externalRef reason }
       }
     }`,
    { input: { directory, entries, ...options } },
  );
}

async function ownerId(externalRef: string): Promise<string> {
  const [row] = await spec.subgraph.sql<{ id: string }>('SELECT id FROM owners WHERE external_ref = $1', [externalRef]);
  if (!row) throw new Error(`no owner ${externalRef}`);
  return row.id;
}

const typesAbout = (identityId: string) =>
  spec.tap.messages.filter((m) => m.key === identityId).map((m) => (JSON.parse(m.value ?? '{}') as { type: string }).type);

describe('directory sync and a re-organisation', () => {
  const org = [
    { externalRef: 'eng', kind: 'TEAM', name: 'Engineering' },
    { externalRef: 'payments', kind: 'TEAM', name: 'Payments', parentRef: 'eng' },
    { externalRef: 'billing', kind: 'TEAM', name: 'Billing', parentRef: 'eng' },
    { externalRef: 'ana', kind: 'PERSON', name: 'Ana', email: 'ana@example.com', parentRef: 'payments' },
    { externalRef: 'ben', kind: 'PERSON', name: 'Ben', email: 'ben@example.com' },
    { externalRef: 'cho', kind: 'PERSON', name: 'Cho', email: 'cho@example.com' },
    { externalRef: 'dev', kind: 'PERSON', name: 'Dev', email: 'dev@example.com' },
  ];

  it('creates the organisation from the full list, parents given after children included, and changes nothing the second time', async () => {
    const first = await sync('okta', [...org].reverse());
    const again = await sync('okta', org);

    expect(first.data?.syncDirectory).toMatchObject({ created: 7, updated: 0, deactivated: 0, rejected: [] });
    expect(again.data?.syncDirectory).toMatchObject({ created: 0, updated: 0, unchanged: 7, deactivated: 0, merged: 0, rejected: [] });
    const [ana] = await spec.subgraph.sql<{ parent: string }>(
      'SELECT p.external_ref AS parent FROM owners o JOIN owners p ON p.id = o.parent_id WHERE o.external_ref = $1',
      ['ana'],
    );
    expect(ana?.parent).toBe('payments');
  });

  it('merges a team into another, and handles leavers with and without a backup, in one sync', async () => {
    const [billingKey, anaKey, benKey] = [await spec.client.discovered(), await spec.client.discovered(), await spec.client.discovered()];
    await spec.client.assign({ identityId: billingKey, ownerId: await ownerId('billing') });
    await spec.client.assign({ identityId: anaKey, ownerId: await ownerId('ana') });
    await spec.client.assign({ identityId: benKey, ownerId: await ownerId('ben') });
    await spec.client.assign({ identityId: benKey, ownerId: await ownerId('cho'), role: 'BACKUP' });

    const reorganised = org
      .filter((entry) => entry.externalRef !== 'ben')
      .map((entry) => (entry.externalRef === 'billing' ? { ...entry, mergedInto: 'payments' } : entry))
      .map((entry) => (entry.externalRef === 'ana' ? { ...entry, active: false } : entry));
    const result = await sync('okta', reorganised);

    expect(result.data?.syncDirectory).toMatchObject({
      merged: 1,
      deactivated: 2,
      identitiesMoved: 3,
      identitiesOrphaned: 0,
      rejected: [],
    });
    // Billing's key goes to the team that absorbed it; Ana's to her team; Ben's to his backup.
    expect(await spec.client.identity(billingKey)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: 'payments' } });
    expect(await spec.client.identity(anaKey)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: 'payments' } });
    expect(await spec.client.identity(benKey)).toMatchObject({
      ownershipStatus: 'OWNED',
      owner: { externalRef: 'cho' },
      backupOwner: null,
    });
    expect(await spec.client.history(billingKey)).toEqual([
      expect.objectContaining({ change: 'ASSIGNED', via: 'MANUAL' }),
      expect.objectContaining({ change: 'ASSIGNED', via: 'TEAM_MERGE', previousOwner: { externalRef: 'billing' } }),
    ]);
    const again = await sync('okta', reorganised);
    expect(again.data?.syncDirectory).toMatchObject({ merged: 0, deactivated: 0, identitiesMoved: 0 });
  });

  it('refuses a list that would remove more than the allowed share, changing nothing, unless forced', async () => {
    const before = await spec.subgraph.sql('SELECT external_ref, active FROM owners ORDER BY external_ref');

    const refused = await sync('okta', [{ externalRef: 'eng', kind: 'TEAM', name: 'Engineering' }]);
    const empty = await sync('okta', []);

    expect(refused.errors?.[0]?.message).toMatch(
      /this sync would deactivate 3 of the 4 active owners from okta \(75%\), more than .* \(50%\)/,
    );
    expect(empty.errors?.[0]?.message).toMatch(/deactivate 4 of the 4 active owners/);
    expect(await spec.subgraph.sql('SELECT external_ref, active FROM owners ORDER BY external_ref')).toEqual(before);

    const dryRun = await sync('okta', [{ externalRef: 'eng', kind: 'TEAM', name: 'Engineering' }], { force: true, dryRun: true });
    expect(dryRun.data?.syncDirectory).toMatchObject({ dryRun: true, deactivated: 3 });
    expect(await spec.subgraph.sql('SELECT external_ref, active FROM owners ORDER BY external_ref')).toEqual(before);
  });

  it('reports a broken entry and applies the rest, never taking the broken one for a leaver', async () => {
    const result = await sync('okta', [
      ...org.filter((entry) => !['ben', 'ana', 'billing'].includes(entry.externalRef)),
      { externalRef: 'dev', kind: 'PERSON', name: 'Dev', email: 'dev at example' },
      { externalRef: 'eve', kind: 'PERSON', name: 'Eve', parentRef: 'no-such-team' },
    ]);

    expect(result.data?.syncDirectory.rejected).toEqual([
      { index: 4, externalRef: 'dev', reason: 'externalRef is listed twice; the first entry was applied' },
      {
        index: 5,
        externalRef: 'eve',
        reason: 'parentRef names no owner; create the team first; the rest of the entry was applied, its team left as it was',
      },
    ]);
    expect(result.data?.syncDirectory).toMatchObject({ created: 1, deactivated: 0 });
  });

  it('escalates an orphan nobody takes, then requests its revocation from lifecycle', async () => {
    await sync('hr', [{ externalRef: 'fay', kind: 'PERSON', name: 'Fay' }]);
    const identityId = await spec.client.discovered();
    await spec.client.assign({ identityId, ownerId: await ownerId('fay') });

    await spec.client.deactivate(await ownerId('fay'), 'left the company');

    await waitFor(() => typesAbout(identityId).includes('nhi.ownership.revocation-requested'), {
      what: 'the orphan to be escalated and its revocation requested',
    });
    expect(typesAbout(identityId)).toEqual([
      'nhi.ownership.assigned',
      'nhi.ownership.orphaned',
      'nhi.ownership.escalated',
      'nhi.ownership.revocation-requested',
    ]);
    const escalation = spec.tap.messages.find((m) => m.key === identityId && m.value?.includes('ORPHAN_GRACE_EXPIRED'));
    expect(JSON.parse(escalation?.value ?? '{}')).toMatchObject({ data: { identityId, reason: 'ORPHAN_GRACE_EXPIRED' } });
  });
});
