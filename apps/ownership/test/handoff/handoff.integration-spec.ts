import type { Actor } from '@nhi/auth';
import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_handoff');

const unique = uniqueNames();

interface HandoffView {
  id: string;
  status: string;
  moved: number | null;
  identities: Array<{ id: string }>;
  toOwner: { externalRef: string };
}

const HANDOFF_FIELDS = 'id status moved identities { id } toOwner { externalRef }';

async function requestHandoff(input: Record<string, unknown>, actor?: Actor) {
  return spec.subgraph.query<{ requestHandoff: HandoffView }>(
    `mutation($input: HandoffInput!) { requestHandoff(input: $input) { ${HANDOFF_FIELDS} } }`,
    { input },
    actor,
  );
}

async function decide(mutation: 'acceptHandoff' | 'declineHandoff', id: string, actor?: Actor) {
  return spec.subgraph.query<Record<string, HandoffView>>(
    `mutation($id: ID!) { ${mutation}(id: $id) { ${HANDOFF_FIELDS} } }`,
    { id },
    actor,
  );
}

const eventsAbout = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.key === identityId)
    .map((m) => JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> });

describe('handoff from a pilot team to operations', () => {
  it('lists the identities of an owner in a system, moves nothing until the receiver accepts, then moves them', async () => {
    const system = unique('checkout');
    const pilot = await spec.client.owner({ externalRef: unique('pilot'), kind: 'TEAM', name: 'Pilot' });
    const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
    const [a, b] = [await spec.client.discovered({ system }), await spec.client.discovered({ system })];
    const elsewhere = await spec.client.discovered({ system: unique('other') });
    for (const identityId of [a, b, elsewhere]) await spec.client.assign({ identityId, ownerId: pilot.id });

    const requested = await requestHandoff({ fromOwnerId: pilot.id, system, toOwnerId: ops.id, reason: 'pilot is over' });
    const handoff = requested.data?.requestHandoff;

    expect(handoff).toMatchObject({ status: 'REQUESTED', moved: null, toOwner: { externalRef: ops.externalRef } });
    expect(handoff?.identities.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(await spec.client.identity(a)).toMatchObject({ owner: { externalRef: pilot.externalRef } });
    const again = await requestHandoff({ system, toOwnerId: ops.id, reason: 'twice' });
    expect(again.errors?.[0]?.message).toMatch(/2 of these identities are already in a handoff waiting for acceptance/);

    const accepted = await decide('acceptHandoff', handoff?.id ?? '');

    expect(accepted.data?.['acceptHandoff']).toMatchObject({ status: 'COMPLETED', moved: 2 });
    expect(await spec.client.identity(a)).toMatchObject({ owner: { externalRef: ops.externalRef } });
    expect(await spec.client.identity(b)).toMatchObject({ owner: { externalRef: ops.externalRef } });
    expect(await spec.client.identity(elsewhere)).toMatchObject({ owner: { externalRef: pilot.externalRef } });
    expect(await spec.client.history(a)).toEqual([
      expect.objectContaining({ via: 'MANUAL' }),
      expect.objectContaining({ via: 'HANDOFF', reason: 'handoff: pilot is over', previousOwner: { externalRef: pilot.externalRef } }),
    ]);
    await waitFor(() => eventsAbout(a).some((e) => e.type === 'nhi.handoff.completed'));
    expect(eventsAbout(a).map((e) => e.type)).toEqual([
      'nhi.ownership.assigned',
      'nhi.handoff.requested',
      'nhi.ownership.assigned',
      'nhi.handoff.completed',
    ]);
    expect((await decide('acceptHandoff', handoff?.id ?? '')).errors?.[0]?.message).toMatch(/was already completed/);
  });

  it('pages the identities of a handoff one page at a time, with their total', async () => {
    const system = unique('paged');
    const pilot = await spec.client.owner({ externalRef: unique('pilot'), kind: 'TEAM', name: 'Pilot' });
    const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await spec.client.discovered({ system }));
    for (const identityId of ids) await spec.client.assign({ identityId, ownerId: pilot.id });
    const handoff = (await requestHandoff({ fromOwnerId: pilot.id, system, toOwnerId: ops.id, reason: 'paging' })).data?.requestHandoff;
    type Page = {
      totalCount: number;
      edges: Array<{ node: { id: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const page = async (after: string | null) =>
      (
        await spec.subgraph.query<{ handoff: { identitiesConnection: Page } }>(
          'query($id: ID!, $after: String) { handoff(id: $id) { identitiesConnection(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
          { id: handoff?.id, after },
        )
      ).data?.handoff.identitiesConnection;

    const first = await page(null);
    const second = await page(first?.pageInfo.endCursor ?? null);

    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect([...(first?.edges ?? []), ...(second?.edges ?? [])].map((e) => e.node.id)).toEqual([...ids].sort());
  });

  it('moves nothing when declined, and leaves an identity that changed hands meanwhile where it is', async () => {
    const pilot = await spec.client.owner({ externalRef: unique('pilot'), kind: 'TEAM', name: 'Pilot' });
    const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
    const other = await spec.client.owner({ externalRef: unique('other'), kind: 'TEAM', name: 'Other' });
    const [kept, reassigned] = [await spec.client.discovered(), await spec.client.discovered()];
    for (const identityId of [kept, reassigned]) await spec.client.assign({ identityId, ownerId: pilot.id });

    const declined = (await requestHandoff({ fromOwnerId: pilot.id, toOwnerId: ops.id, reason: 'try' })).data?.requestHandoff;
    await decide('declineHandoff', declined?.id ?? '');
    expect(await spec.client.identity(kept)).toMatchObject({ owner: { externalRef: pilot.externalRef } });
    await waitFor(() => eventsAbout(kept).some((e) => e.type === 'nhi.handoff.declined'));

    const second = (await requestHandoff({ fromOwnerId: pilot.id, toOwnerId: ops.id, reason: 'for real' })).data?.requestHandoff;
    await spec.client.assign({ identityId: reassigned, ownerId: other.id, replace: true });
    const accepted = await decide('acceptHandoff', second?.id ?? '');

    expect(accepted.data?.['acceptHandoff']).toMatchObject({ status: 'COMPLETED', moved: 1 });
    expect(await spec.client.identity(kept)).toMatchObject({ owner: { externalRef: ops.externalRef } });
    expect(await spec.client.identity(reassigned)).toMatchObject({ owner: { externalRef: other.externalRef } });
    const completed = await waitFor(() => eventsAbout(reassigned).find((e) => e.type === 'nhi.handoff.completed'));
    expect(completed.data).toMatchObject({ moved: false });
  });

  it('refuses a handoff with no selection, to an owner who left, or that matches nothing', async () => {
    const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
    const gone = await spec.client.owner({ externalRef: unique('gone'), kind: 'TEAM', name: 'Gone', active: false });

    const attempts = await Promise.all([
      requestHandoff({ toOwnerId: ops.id, reason: 'everything' }),
      requestHandoff({ system: 'x', toOwnerId: gone.id, reason: 'r' }),
      requestHandoff({ system: unique('nothing-here'), toOwnerId: ops.id, reason: 'r' }),
    ]);

    expect(attempts.map((a) => a.errors?.[0]?.message)).toEqual([
      expect.stringMatching(/choose the identities to hand off: give fromOwnerId, system, or both/),
      'the owner toOwnerId names is inactive; hand off to an active owner',
      expect.stringMatching(/no identity matches this handoff/),
    ]);
  });

  it('lets owners hand off only their own identities, and only the receiving team decide', async () => {
    const pilot = await spec.client.owner({ externalRef: unique('pilot'), kind: 'TEAM', name: 'Pilot' });
    const pilotDev = await spec.client.owner({
      externalRef: unique('pilot-dev'),
      kind: 'PERSON',
      name: 'Pat',
      parentRef: pilot.externalRef,
    });
    const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
    const [mine, notMine] = [await spec.client.discovered(), await spec.client.discovered()];
    await spec.client.assign({ identityId: mine, ownerId: pilotDev.id });
    await spec.client.assign({ identityId: notMine, ownerId: ops.id });
    const pilotLead: Actor = { sub: 'lead', roles: ['owner'], ownerRefs: [pilot.externalRef] };
    const opsLead: Actor = { sub: 'ops-lead', roles: ['owner'], ownerRefs: [ops.externalRef] };

    const grab = await requestHandoff({ fromOwnerId: ops.id, toOwnerId: pilot.id, reason: 'mine now' }, pilotLead);
    expect(grab.errors?.[0]?.message).toBe(
      `Forbidden: lead may hand off identities only for identities owned by ${pilot.externalRef} or their teams; one identity here is owned by someone else`,
    );
    // The team lead acts for a member's identity through the team.
    const handoff = (await requestHandoff({ fromOwnerId: pilotDev.id, toOwnerId: ops.id, reason: 'to ops' }, pilotLead)).data
      ?.requestHandoff;
    expect(handoff).toMatchObject({ status: 'REQUESTED' });

    const selfAccept = await decide('acceptHandoff', handoff?.id ?? '', pilotLead);
    expect(selfAccept.errors?.[0]?.message).toBe(
      `Forbidden: lead may accept a handoff only as ${pilot.externalRef} or their teams; the owner it is for is not one of them`,
    );
    expect(await spec.client.identity(mine)).toMatchObject({ owner: { externalRef: pilotDev.externalRef } });
    expect((await decide('acceptHandoff', handoff?.id ?? '', opsLead)).data?.['acceptHandoff']).toMatchObject({
      status: 'COMPLETED',
      moved: 1,
    });
    const assigned = await waitFor(() => {
      const events = eventsAbout(mine).filter((e) => e.type === 'nhi.ownership.assigned');
      return events.length === 2 && events;
    });
    expect(assigned.map((e) => e.data['ownerPath'])).toEqual([[pilotDev.externalRef, pilot.externalRef], [ops.externalRef]]);
  });
});
