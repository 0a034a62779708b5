import { createEvent } from '@nhi/contracts';
import { identityDiscoveredData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_mass', bootstrap);

interface Started {
  id: string;
  selected: number;
  skipped: number;
  notFound: number;
  finishedAt: string | null;
  progress: { requested: number; held: number };
}

const START = `
  mutation($s: IdentitySelection!) {
    requestRotations(selection: $s, reason: "incident 42") { id selected skipped notFound finishedAt progress { requested held } }
  }`;

async function rotate(selection: Record<string, unknown>): Promise<Started> {
  const result = await spec.subgraph.query<{ requestRotations: Started }>(START, { s: selection });
  if (!result.data) throw new Error(result.errors?.[0]?.message ?? 'no data');
  return result.data.requestRotations;
}

async function refused(selection: Record<string, unknown>): Promise<string | undefined> {
  return (await spec.subgraph.query(START, { s: selection })).errors?.[0]?.message;
}

/** Publishes an event and waits until lifecycle has applied it. */
async function applied(event: Parameters<typeof spec.subgraph.publishRun>[0][number]): Promise<void> {
  await spec.subgraph.publishRun([event], event.subject);
  await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0, {
    what: `lifecycle to apply ${event.type}`,
  });
}

const finding = (type: 'nhi.finding.opened' | 'nhi.finding.closed', identityId: string, findingId: string, at: string) =>
  createEvent(
    type === 'nhi.finding.opened'
      ? {
          source: 'inventory',
          type,
          subject: identityId,
          data: {
            identityId,
            findingId,
            category: 'NHI2' as const,
            code: 'SECRET_IN_CODE',
            severity: 'HIGH' as const,
            detail: 'a key in a repository',
            detectedAt: at,
          },
        }
      : {
          source: 'inventory',
          type,
          subject: identityId,
          data: { identityId, findingId, category: 'NHI2' as const, code: 'SECRET_IN_CODE', closedAt: at },
        },
  );

describe('mass actions select by what lifecycle learnt from inventory', () => {
  it('selects by ingest source and open finding category, and by the fingerprint an update brought', async () => {
    const source = `scan-${Date.now()}`;
    const a = identityDiscoveredData({}, undefined, source);
    const b = identityDiscoveredData({}, undefined, source);
    const c = identityDiscoveredData({ credentialFingerprint: 'sha256:oldoldoldoldoldold00' }, undefined, 'aws-config');
    for (const data of [a, b, c]) {
      await applied(createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: data.identity.id, data }));
    }
    // c is reported by the scan too, and its credential changed.
    await applied(
      createEvent({
        source: 'inventory',
        type: 'nhi.identity.updated',
        subject: c.identity.id,
        data: {
          identity: { ...c.identity, credentialFingerprint: 'sha256:newnewnewnewnewnew00' },
          changes: [{ field: 'credentialFingerprint', previous: 'sha256:oldoldoldoldoldold00', current: 'sha256:newnewnewnewnewnew00' }],
          source,
          updatedAt: new Date().toISOString(),
        },
      }),
    );
    const hour = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    await applied(finding('nhi.finding.opened', a.identity.id, crypto.randomUUID(), hour(3)));
    const closedOnB = crypto.randomUUID();
    await applied(finding('nhi.finding.opened', b.identity.id, closedOnB, hour(3)));
    await applied(finding('nhi.finding.closed', b.identity.id, closedOnB, hour(2)));
    // A partition read again: the older opening must not reopen it.
    await applied(finding('nhi.finding.opened', b.identity.id, closedOnB, hour(3)));

    expect(await spec.subgraph.sql('SELECT sources FROM identity_lifecycle WHERE identity_id = $1', [c.identity.id])).toEqual([
      { sources: ['aws-config', source].sort() },
    ]);
    // Only a has an open NHI2 finding among the scan's identities.
    const byFinding = await rotate({ source, findingCategory: 'nhi2' });
    expect(byFinding).toMatchObject({ selected: 1, skipped: 0, notFound: 0, progress: { requested: 1, held: 0 } });
    expect(
      await spec.subgraph.sql("SELECT identity_id FROM rotation_requests WHERE status = 'REQUESTED' AND mass_action_id = $1", [
        byFinding.id,
      ]),
    ).toEqual([{ identity_id: a.identity.id }]);

    // The scan reported b and c: a is already rotating, so it would be skipped, but it is not in this selection.
    expect(await rotate({ source, identityIds: [b.identity.id, c.identity.id, crypto.randomUUID()] })).toMatchObject({
      selected: 2,
      notFound: 1,
      progress: { requested: 2 },
    });
    // The fingerprint follows inventory: the old one selects nothing, and a mass action of nothing is over at once.
    const none = await rotate({ credentialFingerprint: 'sha256:oldoldoldoldoldold00' });
    expect(none).toMatchObject({ selected: 0, progress: { requested: 0 } });
    expect(none.finishedAt).not.toBeNull();
    expect(await rotate({ credentialFingerprint: 'sha256:newnewnewnewnewnew00' })).toMatchObject({ selected: 1, skipped: 1 });
    // As OpenSSH writes it: the algorithm's case carries no meaning.
    expect(await rotate({ credentialFingerprint: 'SHA256:newnewnewnewnewnew00' })).toMatchObject({ selected: 1, skipped: 1 });
  });

  it('refuses a selection that is empty or wrong, naming the field and never the value', async () => {
    expect(await refused({})).toMatch(/a mass action never selects everything/);
    expect(await refused({ findingCategory: 'NHI11' })).toMatch(/findingCategory must be one of NHI1 to NHI10/);
    const message = await refused({ identityIds: [crypto.randomUUID(), 'not-a-uuid-at-all'] });
    expect(message).toMatch(/identityIds\[1\] is not an identity id/);
    expect(message).not.toContain('not-a-uuid-at-all');
    expect(await refused({ credentialFingerprint: 'AKIAIOSFODNN7EXAMPLE' })).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('lets an owner act only on a selection wholly inside what they own', async () => {
    const system = `owned-${Date.now()}`;
    const mine = await spec.subgraph.discover('identity_lifecycle', { system });
    await spec.subgraph.sql("UPDATE identity_lifecycle SET owner_path = '{team-mine}' WHERE identity_id = $1", [mine]);
    const owner = { sub: 'olga', roles: ['owner' as const], ownerRefs: ['team-mine'] };
    const ok = await spec.subgraph.query<{ requestRotations: Started }>(START, { s: { system } }, owner);
    expect(ok.data?.requestRotations.selected).toBe(1);

    const theirs = await spec.subgraph.discover('identity_lifecycle', { system: `${system}-2` });
    await spec.subgraph.discover('identity_lifecycle', { system: `${system}-2` });
    await spec.subgraph.sql("UPDATE identity_lifecycle SET owner_path = '{team-mine}' WHERE identity_id = $1", [theirs]);
    const mixed = await spec.subgraph.query(START, { s: { system: `${system}-2` } }, owner);
    expect(mixed.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await spec.subgraph.sql('SELECT 1 FROM rotation_requests WHERE identity_id = $1', [theirs])).toEqual([]);
  });

  it('revokes exactly the identities of a saved revocation plan, not what its selector matches later', async () => {
    const system = `planned-${Date.now()}`;
    const reviewed = [
      await spec.subgraph.discover('identity_lifecycle', { system }),
      await spec.subgraph.discover('identity_lifecycle', { system }),
    ].sort();
    const saved = await spec.subgraph.query<{ saveRevocationPlan: { id: string; toRevoke: number; identities: Array<{ id: string }> } }>(
      'mutation($s: RevocationSelector!) { saveRevocationPlan(selector: $s) { id toRevoke identities { id } } }',
      { s: { system } },
    );
    const plan = saved.data?.saveRevocationPlan;
    expect(plan).toMatchObject({ toRevoke: 2 });
    expect(plan?.identities.map((i) => i.id).sort()).toEqual(reviewed);
    // Found after the review: the selector would match it now, the plan does not name it.
    const later = await spec.subgraph.discover('identity_lifecycle', { system });

    const revoked = await spec.subgraph.query<{ requestRevocations: Started }>(
      'mutation($s: IdentitySelection!) { requestRevocations(selection: $s, reason: "breach 7") { id selected progress { requested } } }',
      { s: { revocationPlanId: plan?.id } },
    );
    expect(revoked.data?.requestRevocations).toMatchObject({ selected: 2, progress: { requested: 2 } });
    const asked = await spec.subgraph.sql<{ identity_id: string }>(
      'SELECT identity_id FROM revocation_requests WHERE mass_action_id = $1 ORDER BY identity_id',
      [revoked.data?.requestRevocations.id],
    );
    expect(asked.map((r) => r.identity_id)).toEqual(reviewed);
    expect(asked.map((r) => r.identity_id)).not.toContain(later);
    const [stored] = await spec.subgraph.sql<{ selection: Record<string, unknown> }>('SELECT selection FROM mass_actions WHERE id = $1', [
      revoked.data?.requestRevocations.id,
    ]);
    expect(stored?.selection).toEqual({ revocationPlanId: plan?.id });

    const unknown = crypto.randomUUID();
    const message = await refused({ revocationPlanId: unknown });
    expect(message).toMatch(/revocationPlanId names no saved revocation plan/);
    expect(message).not.toContain(unknown);
  });
});
