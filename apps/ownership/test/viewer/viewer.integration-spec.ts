import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { TEST_ADMIN } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_viewer');

const unique = uniqueNames();

interface ViewerView {
  subject: string;
  roles: string[];
  owners: Array<{ externalRef: string }>;
  identities: { totalCount: number; edges: Array<{ node: { id: string } }> };
  tasks: {
    attestations: Array<{ campaign: { id: string }; identity: { id: string } }>;
    pendingHandoffs: Array<{ id: string }>;
    suggestions: Array<{ id: string }>;
  };
}

const VIEWER_FIELDS = `subject roles owners { externalRef }
  identities(first: 10) { totalCount edges { node { id } } }
  tasks { attestations { campaign { id } identity { id } } pendingHandoffs { id } suggestions { id } }`;

async function viewer(actor: Actor): Promise<ViewerView> {
  const result = await spec.subgraph.query<{ viewer: ViewerView }>(`{ viewer { ${VIEWER_FIELDS} } }`, {}, actor);
  if (!result.data) throw new Error(`viewer failed: ${JSON.stringify(result.errors)}`);
  return result.data.viewer;
}

async function campaignFor(ownerId: string): Promise<string> {
  const result = await spec.subgraph.query<{ startAttestationCampaign: { id: string } }>(
    'mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }',
    { input: { name: unique('review'), ownerId, deadline: new Date(Date.now() + 3_600_000).toISOString() } },
  );
  return result.data?.startAttestationCampaign.id ?? '';
}

async function handoff(input: Record<string, unknown>): Promise<string> {
  const result = await spec.subgraph.query<{ requestHandoff: { id: string } }>(
    'mutation($input: HandoffInput!) { requestHandoff(input: $input) { id } }',
    { input },
  );
  return result.data?.requestHandoff.id ?? '';
}

const ids = (view: ViewerView) => view.identities.edges.map((edge) => edge.node.id).sort();

describe('viewer: what the caller owns and what waits for it', () => {
  const refs = { alpha: unique('alpha'), beta: unique('beta'), gone: unique('gone') };
  let alphaOwned: string;
  let betaOwnedAlphaBackup: string;
  let betaOnly: string;
  let alphaCampaign: string;
  let betaCampaign: string;
  let handoffToAlpha: string;
  const suggestionToAlpha = randomUUID();

  beforeAll(async () => {
    const alpha = await spec.client.owner({ externalRef: refs.alpha, kind: 'TEAM', name: 'Alpha' });
    const beta = await spec.client.owner({ externalRef: refs.beta, kind: 'TEAM', name: 'Beta' });
    const gone = await spec.client.owner({ externalRef: refs.gone, kind: 'TEAM', name: 'Gone' });
    await spec.client.deactivate(gone.id, 'team dissolved');
    const system = unique('billing');
    [alphaOwned, betaOwnedAlphaBackup, betaOnly] = [
      await spec.client.discovered(),
      await spec.client.discovered(),
      await spec.client.discovered({ system }),
    ];
    await spec.client.assign({ identityId: alphaOwned, ownerId: alpha.id });
    await spec.client.assign({ identityId: betaOwnedAlphaBackup, ownerId: beta.id });
    await spec.client.assign({ identityId: betaOwnedAlphaBackup, ownerId: alpha.id, role: 'BACKUP' });
    await spec.client.assign({ identityId: betaOnly, ownerId: beta.id });
    alphaCampaign = await campaignFor(alpha.id);
    betaCampaign = await campaignFor(beta.id);
    handoffToAlpha = await handoff({ fromOwnerId: beta.id, system, toOwnerId: alpha.id, reason: 'billing moves to alpha' });
    // One open suggestion proposing alpha, and one already decided, which is no longer a task.
    await spec.subgraph.sql(
      `INSERT INTO ownership_suggestions (id, identity_id, owner_id, rule_id, confidence, reason, status, created_at, decided_by, decided_at)
       VALUES ($1, $3, $4, NULL, 0.9, 'same system', 'PENDING', now(), NULL, NULL),
              ($2, $3, $4, NULL, 0.9, 'same system', 'REJECTED', now(), 'someone', now())`,
      [suggestionToAlpha, randomUUID(), betaOnly, alpha.id],
    );
  });

  it('shows an owner its active owners, the identities they hold as PRIMARY or BACKUP, and its tasks', async () => {
    const alice: Actor = { sub: unique('alice'), roles: ['owner'], ownerRefs: [refs.alpha, refs.gone] };

    const view = await viewer(alice);

    expect(view).toMatchObject({ subject: alice.sub, roles: ['owner'], owners: [{ externalRef: refs.alpha }] });
    expect(ids(view)).toEqual([alphaOwned, betaOwnedAlphaBackup].sort());
    expect(view.identities.totalCount).toBe(2);
    expect(view.tasks.attestations).toEqual([{ campaign: { id: alphaCampaign }, identity: { id: alphaOwned } }]);
    expect(view.tasks.pendingHandoffs).toEqual([{ id: handoffToAlpha }]);
    expect(view.tasks.suggestions).toEqual([{ id: suggestionToAlpha }]);
  });

  it("shows another owner only its own, none of the first owner's", async () => {
    const bob: Actor = { sub: unique('bob'), roles: ['owner'], ownerRefs: [refs.beta] };

    const view = await viewer(bob);

    expect(view.owners).toEqual([{ externalRef: refs.beta }]);
    expect(ids(view)).toEqual([betaOwnedAlphaBackup, betaOnly].sort());
    expect(view.tasks.attestations.map((task) => task.campaign.id)).toEqual([betaCampaign, betaCampaign]);
    expect(view.tasks.pendingHandoffs).toEqual([]);
    expect(view.tasks.suggestions).toEqual([]);
  });

  it('gives a security-admin without owner refs no owners, identities or tasks', async () => {
    const view = await viewer(TEST_ADMIN);

    expect(view).toMatchObject({
      subject: TEST_ADMIN.sub,
      owners: [],
      identities: { totalCount: 0, edges: [] },
      tasks: { attestations: [], pendingHandoffs: [], suggestions: [] },
    });
  });

  it("resolves a Viewer reference only for the caller's own subject", async () => {
    const bob: Actor = { sub: unique('bob'), roles: ['owner'], ownerRefs: [refs.beta] };
    const entities = (subject: string) =>
      spec.subgraph.query<{ _entities: Array<{ owners: Array<{ externalRef: string }> } | null> }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Viewer { owners { externalRef } } } }',
        { r: [{ __typename: 'Viewer', subject }] },
        bob,
      );

    expect((await entities('alice')).data?._entities).toEqual([null]);
    expect((await entities(bob.sub)).data?._entities).toEqual([{ owners: [{ externalRef: refs.beta }] }]);
  });

  it("narrows the viewer's identities by role, owner, attributes, words and attestation, never to another's", async () => {
    const [delta, epsilon, other] = await Promise.all(
      ['delta', 'epsilon', 'other'].map((name) => spec.client.owner({ externalRef: unique(name), kind: 'TEAM', name })),
    );
    const ledger = await spec.client.discovered({
      name: 'Ledger_Writer',
      kind: 'SERVICE_ACCOUNT',
      environment: 'STAGING',
      tags: { team: 'payments' },
    });
    const batch = await spec.client.discovered({
      name: 'batch-key',
      kind: 'API_KEY',
      externalId: 'arn:aws:iam::1:user/Ledger-Batch',
      tags: { team: 'billing', pci: 'yes' },
    });
    const backedUp = await spec.client.discovered({ name: 'percent%key', kind: 'API_KEY' });
    const othersOnly = await spec.client.discovered({ name: 'ledger-other', kind: 'API_KEY' });
    await spec.client.assign({ identityId: ledger, ownerId: delta.id });
    await spec.client.assign({ identityId: batch, ownerId: epsilon.id });
    await spec.client.assign({ identityId: backedUp, ownerId: other.id });
    await spec.client.assign({ identityId: backedUp, ownerId: delta.id, role: 'BACKUP' });
    await spec.client.assign({ identityId: othersOnly, ownerId: other.id });
    await spec.subgraph.sql("UPDATE identity_ownership SET last_attestation_at = now() - interval '10 days' WHERE identity_id = $1", [
      ledger,
    ]);
    const dana: Actor = { sub: unique('dana'), roles: ['owner'], ownerRefs: [delta.externalRef, epsilon.externalRef] };
    const mine = async (filter: Record<string, unknown>) => {
      const result = await spec.subgraph.query<{ viewer: { identities: ViewerView['identities'] } }>(
        'query($filter: ViewerIdentityFilter) { viewer { identities(first: 10, filter: $filter) { totalCount edges { node { id } } } } }',
        { filter },
        dana,
      );
      if (!result.data) throw new Error(`viewer failed: ${JSON.stringify(result.errors)}`);
      return result.data.viewer.identities.edges.map((edge) => edge.node.id).sort();
    };

    expect(await mine({})).toEqual([ledger, batch, backedUp].sort());
    expect(await mine({ role: 'BACKUP' })).toEqual([backedUp]);
    expect(await mine({ role: 'PRIMARY', ownerId: [epsilon.id] })).toEqual([batch]);
    // Someone else's owner id shows nothing of theirs.
    expect(await mine({ ownerId: [other.id] })).toEqual([]);
    expect(await mine({ kind: ['API_KEY'] })).toEqual([batch, backedUp].sort());
    expect(await mine({ environment: ['STAGING'] })).toEqual([ledger]);
    // Tags: a key with its value, or a key alone for any value; several must all be carried.
    expect(await mine({ tags: [{ key: 'team', value: 'payments' }] })).toEqual([ledger]);
    expect(await mine({ tags: [{ key: 'team' }] })).toEqual([ledger, batch].sort());
    expect(await mine({ tags: [{ key: 'team' }, { key: 'pci', value: 'yes' }] })).toEqual([batch]);
    expect(await mine({ tags: [{ key: 'team', value: 'Payments' }] })).toEqual([]);
    // Words in the name or the externalId, any case; a % is a character, not a wildcard.
    expect(await mine({ search: 'LEDGER' })).toEqual([ledger, batch].sort());
    expect(await mine({ search: 'ledger writer' })).toEqual([ledger]);
    expect(await mine({ search: 'writer batch' })).toEqual([]);
    expect(await mine({ search: 'ledger_writer' })).toEqual([ledger]);
    expect(await mine({ search: 'c%y' })).toEqual([]);
    expect(await mine({ search: 't%key' })).toEqual([backedUp]);
    expect(await mine({ notAttestedSince: new Date(Date.now() - 86_400_000).toISOString() })).toEqual([ledger, batch, backedUp].sort());
    expect(await mine({ notAttestedSince: new Date(Date.now() - 30 * 86_400_000).toISOString() })).toEqual([batch, backedUp].sort());
  });
});
