import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('ownership_directory_mutations', { DIRECTORY_SYNC_MAX_REMOVAL_SHARE: '0.5' });

const unique = uniqueNames();

interface DirectorySyncPayload {
  directorySyncReport: {
    directory: string;
    created: number;
    unchanged: number;
    deactivated: number;
    dryRun: boolean;
    rejected: Array<{ index: number; externalRef: string | null; reason: string }>;
  } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

async function directorySync(input: Record<string, unknown>): Promise<DirectorySyncPayload> {
  const result = await spec.subgraph.query<{ directorySync: DirectorySyncPayload | null }>(
    `mutation($input: DirectorySyncInput!) {
       directorySync(input: $input) {
         directorySyncReport { directory created unchanged deactivated dryRun rejected { index externalRef reason } }
         userErrors { field message code }
         clientMutationId
       }
     }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.directorySync!;
}

const team = (externalRef: string) => ({ externalRef, kind: 'TEAM', name: externalRef });

describe('directorySync', () => {
  it('applies the list, echoes the clientMutationId, and changes nothing the second time', async () => {
    const directory = unique('okta');
    const entries = [team(unique('eng')), team(unique('ops'))];

    const first = await directorySync({ directory, entries, clientMutationId: 'sync-1' });
    const again = await directorySync({ directory, entries });

    expect(first).toMatchObject({ userErrors: [], clientMutationId: 'sync-1', directorySyncReport: { created: 2, dryRun: false } });
    expect(again).toMatchObject({ userErrors: [], clientMutationId: null, directorySyncReport: { created: 0, unchanged: 2 } });
  });

  it('lists broken entries in the report without quoting their values, and applies the rest', async () => {
    const [eng, dev] = [unique('eng'), unique('dev')];

    const payload = await directorySync({
      directory: unique('okta'),
      entries: [team(eng), { externalRef: dev, kind: 'PERSON', name: 'Dev', email: 'dev at example' }, team(eng)],
    });

    expect(payload).toMatchObject({ userErrors: [], directorySyncReport: { created: 1 } });
    expect(payload.directorySyncReport?.rejected).toEqual([
      { index: 1, externalRef: dev, reason: 'email is not an e-mail address (the value is not repeated)' },
      { index: 2, externalRef: eng, reason: 'externalRef is listed twice; the first entry was applied' },
    ]);
  });

  it('returns a blank directory as a userError naming the field', async () => {
    const payload = await directorySync({ directory: '  ', entries: [team(unique('eng'))] });

    expect(payload).toMatchObject({
      directorySyncReport: null,
      userErrors: [{ field: ['directory'], code: 'INVALID', message: expect.stringMatching(/^directory is required/) }],
    });
  });

  it('refuses a list that would remove too many owners as a userError on entries, changing nothing', async () => {
    const directory = unique('entra');
    const entries = [team(unique('a')), team(unique('b')), team(unique('c'))];
    await directorySync({ directory, entries });

    const refused = await directorySync({ directory, entries: entries.slice(0, 1) });
    const check = await directorySync({ directory, entries, dryRun: true });

    expect(refused).toMatchObject({ directorySyncReport: null, userErrors: [{ field: ['entries'], code: 'INVALID' }] });
    expect(check.directorySyncReport).toMatchObject({ unchanged: 3, deactivated: 0, dryRun: true });
  });

  it('still answers the deprecated syncDirectory', async () => {
    const result = await spec.subgraph.query<{ syncDirectory: { created: number } }>(
      'mutation($input: DirectorySyncInput!) { syncDirectory(input: $input) { created } }',
      { input: { directory: unique('legacy'), entries: [team(unique('legacy-team'))] } },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.syncDirectory).toEqual({ created: 1 });
  });
});
