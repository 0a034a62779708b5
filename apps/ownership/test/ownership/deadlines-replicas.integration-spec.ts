import { replicaSpec } from '@nhi/testing';
import { CampaignDeadlines } from '../../src/attestation/campaign-deadlines';
import { bootstrap } from '../../src/main';
import { OrphanEscalation } from '../../src/ownership/orphan-escalation';
import { OwnershipClient } from '../support/ownership-client';
import { uniqueNames } from '../support/unique-names';

// Two instances on one database, as two replicas, their timers off: the test runs both at the same moment.
const spec = replicaSpec('ownership_replicas', bootstrap, {
  env: { DEADLINE_CHECK_INTERVAL_MS: '0', ORPHAN_GRACE_DAYS: '7', ORPHAN_REVOKE_AFTER_DAYS: '3' },
});
const client = new OwnershipClient(spec);
const unique = uniqueNames();
const DAY_MS = 86_400_000;

const once = (ids: string[], n = 1) => new Map(ids.map((id) => [id, n]));

describe('campaign deadlines and orphan escalation on two instances at once', () => {
  it('closes each campaign once and escalates each identity without a decision once', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const missed: string[] = [];
    for (let c = 0; c < 3; c += 1) {
      const businessUnit = unique('Unit');
      const team = await client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'Team' });
      const identities = await Promise.all([1, 2, 3].map(() => client.discovered({ businessUnit })));
      for (const identityId of identities) await client.assign({ identityId, ownerId: team.id });
      const started = await spec.subgraph.query<{ startAttestationCampaign: { id: string } }>(
        'mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }',
        { input: { name: unique('review'), businessUnit, deadline: deadline.toISOString() } },
      );
      if (!started.data) throw new Error(JSON.stringify(started.errors));
      missed.push(...identities);
    }

    const escalated = await spec.everywhere((instance) => instance.app.get(CampaignDeadlines).run(new Date(deadline.getTime() + 60_000)));
    expect(escalated.reduce((a, b) => a + b)).toBe(missed.length);
    expect(await spec.subgraph.eventsPerSubject('nhi.ownership.escalated')).toEqual(once(missed));
    const campaigns = await spec.subgraph.sql<{ status: string }>('SELECT status FROM attestation_campaigns');
    expect(campaigns.map((c) => c.status)).toEqual(['CLOSED', 'CLOSED', 'CLOSED']);
  });

  it('escalates each orphan once, then requests its revocation once', async () => {
    const person = await client.owner({ externalRef: unique('leaver'), kind: 'PERSON', name: 'Leaver' });
    const orphans = await Promise.all(Array.from({ length: 6 }, () => client.discovered()));
    for (const identityId of orphans) await client.assign({ identityId, ownerId: person.id });
    await client.deactivate(person.id, 'left the company');
    const before = await spec.subgraph.eventsPerSubject('nhi.ownership.escalated');

    const escalation = new Date(Date.now() + 8 * DAY_MS);
    const escalated = await spec.everywhere((instance) => instance.app.get(OrphanEscalation).run(escalation));
    expect(escalated.reduce((a, b) => a + b.escalated, 0)).toBe(orphans.length);
    const after = await spec.subgraph.eventsPerSubject('nhi.ownership.escalated');
    expect(orphans.map((id) => (after.get(id) ?? 0) - (before.get(id) ?? 0))).toEqual(orphans.map(() => 1));

    const revocation = new Date(escalation.getTime() + 4 * DAY_MS);
    const requested = await spec.everywhere((instance) => instance.app.get(OrphanEscalation).run(revocation));
    expect(requested.reduce((a, b) => a + b.revocationsRequested, 0)).toBe(orphans.length);
    expect(await spec.subgraph.eventsPerSubject('nhi.ownership.revocation-requested')).toEqual(once(orphans));
  });
});
