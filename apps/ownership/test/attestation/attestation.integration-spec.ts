import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_attestation', { DEADLINE_CHECK_INTERVAL_MS: '200' });

const unique = uniqueNames();

interface Progress {
  total: number;
  decided: number;
  pending: number;
  kept: number;
  notMine: number;
  decommission: number;
  completion: number;
}

async function startCampaign(input: Record<string, unknown>) {
  return spec.subgraph.query<{ startAttestationCampaign: { id: string; status: string } }>(
    'mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id status } }',
    { input },
  );
}

async function attest(identityId: string, campaignId: string, decision: string, note?: string) {
  return spec.subgraph.query<{ attest: { ownershipStatus: string; lastAttestation: string | null } }>(
    `mutation($i: ID!, $c: ID!, $d: AttestationDecision!, $n: String) {
       attest(identityId: $i, campaignId: $c, decision: $d, note: $n) { ownershipStatus lastAttestation }
     }`,
    { i: identityId, c: campaignId, d: decision, n: note },
  );
}

async function campaign(id: string) {
  const result = await spec.subgraph.query<{
    attestationCampaign: {
      status: string;
      progress: Progress;
      progressByOwner: Array<Progress & { owner: { externalRef: string } }>;
      progressByBusinessUnit: Array<Progress & { businessUnit: string }>;
    };
  }>(
    `query($id: ID!) { attestationCampaign(id: $id) {
       status
       progress { total decided pending kept notMine decommission completion }
       progressByOwner { owner { externalRef } total decided completion }
       progressByBusinessUnit { businessUnit total decided completion }
     } }`,
    { id },
  );
  return result.data?.attestationCampaign;
}

const typesAbout = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.key === identityId)
    .map((m) => JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> });

describe('attestation campaigns', () => {
  it('asks the owners in scope to decide, records each decision with its effect, and reports progress by owner and business unit', async () => {
    const businessUnit = unique('Payments');
    const team = await spec.client.owner({ externalRef: unique('payments'), kind: 'TEAM', name: 'Payments' });
    const ana = await spec.client.owner({ externalRef: unique('ana'), kind: 'PERSON', name: 'Ana', parentRef: team.externalRef });
    const [keep, notMine, retire] = [
      await spec.client.discovered({ businessUnit }),
      await spec.client.discovered({ businessUnit }),
      await spec.client.discovered({ businessUnit }),
    ];
    const unowned = await spec.client.discovered({ businessUnit });
    await spec.client.assign({ identityId: keep, ownerId: ana.id });
    await spec.client.assign({ identityId: notMine, ownerId: ana.id });
    await spec.client.assign({ identityId: retire, ownerId: team.id });

    const started = await startCampaign({ name: 'Q4 review', businessUnit, deadline: new Date(Date.now() + 3_600_000).toISOString() });
    const campaignId = started.data?.startAttestationCampaign.id ?? '';
    expect(started.data?.startAttestationCampaign.status).toBe('OPEN');

    const kept = await attest(keep, campaignId, 'KEEP', 'still runs the nightly export');
    await attest(notMine, campaignId, 'NOT_MINE');
    await attest(retire, campaignId, 'DECOMMISSION', 'replaced by workload identity');

    expect(kept.data?.attest).toMatchObject({ ownershipStatus: 'OWNED', lastAttestation: expect.any(String) });
    expect(await spec.client.identity(notMine)).toMatchObject({ ownershipStatus: 'UNASSIGNED', owner: null });
    const suggestions = await spec.subgraph.query<{ ownershipSuggestions: Array<{ owner: { externalRef: string }; reason: string }> }>(
      'query($id: ID!) { ownershipSuggestions(identityId: $id) { owner { externalRef } reason } }',
      { id: notMine },
    );
    expect(suggestions.data?.ownershipSuggestions).toEqual([
      { owner: { externalRef: team.externalRef }, reason: 'Ana said it is not theirs; Payments may know whose it is' },
    ]);
    const retired = await waitFor(() => typesAbout(retire).find((e) => e.type === 'nhi.ownership.attested'));
    expect(retired.data).toMatchObject({ decision: 'DECOMMISSION', note: 'replaced by workload identity', ownerId: team.id, campaignId });

    const view = await campaign(campaignId);
    expect(view?.progress).toEqual({ total: 3, decided: 3, pending: 0, kept: 1, notMine: 1, decommission: 1, completion: 1 });
    expect(view?.progressByOwner).toEqual(
      expect.arrayContaining([
        { owner: { externalRef: ana.externalRef }, total: 2, decided: 2, completion: 1 },
        { owner: { externalRef: team.externalRef }, total: 1, decided: 1, completion: 1 },
      ]),
    );
    expect(view?.progressByBusinessUnit).toEqual([{ businessUnit, total: 3, decided: 3, completion: 1 }]);

    const twice = await attest(keep, campaignId, 'KEEP');
    const outside = await attest(unowned, campaignId, 'KEEP');
    expect(twice.errors?.[0]?.message).toMatch(/was already attested \(KEEP\) by test-admin/);
    expect(outside.errors?.[0]).toMatchObject({
      message: 'this identity is not in the campaign',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a campaign with a past deadline or nothing in scope', async () => {
    const past = await startCampaign({ name: 'late', deadline: new Date(Date.now() - 1000).toISOString() });
    const empty = await startCampaign({
      name: 'empty',
      businessUnit: unique('nobody'),
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });

    expect(past.errors?.[0]?.message).toMatch(/deadline must be in the future/);
    expect(empty.errors?.[0]?.message).toMatch(/no owned identity is in the scope of this campaign/);
  });

  it('escalates every identity without a decision at the deadline and takes no decision after it', async () => {
    const businessUnit = unique('Ops');
    const team = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Ops' });
    const [decided, missed] = [await spec.client.discovered({ businessUnit }), await spec.client.discovered({ businessUnit })];
    await spec.client.assign({ identityId: decided, ownerId: team.id });
    await spec.client.assign({ identityId: missed, ownerId: team.id });
    const started = await startCampaign({ name: 'fast', businessUnit, deadline: new Date(Date.now() + 1_500).toISOString() });
    const campaignId = started.data?.startAttestationCampaign.id ?? '';
    await attest(decided, campaignId, 'KEEP');

    const escalation = await waitFor(() => typesAbout(missed).find((e) => e.type === 'nhi.ownership.escalated'), {
      what: 'the missed attestation to be escalated',
    });

    expect(escalation.data).toMatchObject({ identityId: missed, reason: 'ATTESTATION_MISSED' });
    expect(typesAbout(decided).map((e) => e.type)).not.toContain('nhi.ownership.escalated');
    expect((await campaign(campaignId))?.status).toBe('CLOSED');
    expect((await attest(missed, campaignId, 'KEEP')).errors?.[0]?.message).toMatch(
      /^the campaign closed at its deadline, \d{4}-\S+; it takes no more decisions$/,
    );
  });
});
