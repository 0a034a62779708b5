import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_queues');
const unique = uniqueNames();

interface Connection<N> {
  totalCount: number;
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type Suggestion = { id: string; status: string; identity: { id: string } | null; owner: { id: string } | null };
type Campaign = { id: string; name: string; status: string; deadline: string };

const SUGGESTIONS = `query($filter: OwnershipSuggestionQueueFilter, $first: Int, $after: String, $orderBy: OwnershipSuggestionOrder) {
  openOwnershipSuggestions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id status identity { id } owner { id } } } pageInfo { hasNextPage endCursor }
  }
}`;
const CAMPAIGNS = `query($filter: AttestationCampaignFilter, $first: Int, $after: String, $orderBy: AttestationCampaignOrder) {
  attestationCampaigns(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id name status deadline } } pageInfo { hasNextPage endCursor }
  }
}`;

async function read<N>(query: string, field: string, variables: Record<string, unknown>): Promise<Connection<N>> {
  const result = await spec.subgraph.query<Record<string, Connection<N>>>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

/** Every page, two at a time, to show the cursors neither repeat nor lose a row. */
async function allPages<N extends { id: string }>(
  query: string,
  field: string,
  filter: Record<string, unknown>,
  orderBy: Record<string, unknown> | null = null,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: Connection<N> = await read<N>(query, field, { filter, first: 2, after, orderBy });
    ids.push(...page.edges.map((e) => e.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

describe('openOwnershipSuggestions', () => {
  it('lists the pending suggestions of one business unit or one proposed owner, oldest first, with totalCount and pages', async () => {
    const businessUnit = unique('bu');
    const system = unique('crm');
    const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'CRM' });
    const rule = await spec.subgraph.query<{ createOwnershipRule: { id: string } }>(
      `mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id } }`,
      { input: { name: unique('hint'), ownerId: team.id, system, mode: 'SUGGEST' } },
    );
    expect(rule.errors).toBeUndefined();
    const identities: string[] = [];
    for (let i = 0; i < 3; i++) identities.push(await spec.client.discovered({ system, businessUnit }));
    const other = await spec.client.discovered({ system, businessUnit: unique('elsewhere') });
    await waitFor(async () => {
      const rows = await spec.subgraph.sql("SELECT 1 FROM ownership_suggestions WHERE owner_id = $1 AND status = 'PENDING'", [team.id]);
      return rows.length === 4;
    });

    const unit = await read<Suggestion>(SUGGESTIONS, 'openOwnershipSuggestions', { filter: { businessUnit } });
    expect(unit.totalCount).toBe(3);
    expect(unit.edges.map((e) => e.node.identity?.id).sort()).toEqual([...identities].sort());
    expect(unit.edges.every((e) => e.node.status === 'PENDING' && e.node.owner?.id === team.id)).toBe(true);

    const byOwner = await read<Suggestion>(SUGGESTIONS, 'openOwnershipSuggestions', { filter: { ownerId: team.id } });
    expect(byOwner.totalCount).toBe(4);
    expect(byOwner.edges.map((e) => e.node.identity?.id)).toContain(other);
    expect(await allPages<Suggestion>(SUGGESTIONS, 'openOwnershipSuggestions', { ownerId: team.id })).toEqual(
      byOwner.edges.map((e) => e.node.id),
    );

    // A decided suggestion leaves the queue.
    const first = unit.edges[0]!.node.id;
    const decided = await spec.subgraph.query(`mutation { rejectSuggestion(id: "${first}") { id } }`);
    expect(decided.errors).toBeUndefined();
    expect((await read<Suggestion>(SUGGESTIONS, 'openOwnershipSuggestions', { filter: { businessUnit } })).totalCount).toBe(2);
  });

  it('sorts by confidence, likeliest first, and pages in that order', async () => {
    const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'Confident' });
    const confidences = [0.4, 0.9, 0.65, 0.9];
    const suggestions: Array<{ id: string; confidence: number }> = [];
    for (const confidence of confidences) {
      const identityId = await spec.client.discovered();
      const [row] = await spec.subgraph.sql<{ id: string }>(
        `INSERT INTO ownership_suggestions (id, identity_id, owner_id, rule_id, confidence, reason, status, created_at)
         VALUES (gen_random_uuid(), $1, $2, NULL, $3, 'same system', 'PENDING', now()) RETURNING id`,
        [identityId, team.id, confidence],
      );
      suggestions.push({ id: row!.id, confidence });
    }
    // Highest confidence first; the two at 0.9 by id, descending too.
    const expected = [...suggestions].sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? 1 : -1)).map((s) => s.id);

    const pages = await allPages<Suggestion>(
      SUGGESTIONS,
      'openOwnershipSuggestions',
      { ownerId: team.id },
      { field: 'CONFIDENCE', direction: 'DESC' },
    );
    expect(pages).toEqual(expected);
    expect(await allPages<Suggestion>(SUGGESTIONS, 'openOwnershipSuggestions', { ownerId: team.id }, { field: 'CONFIDENCE' })).toEqual(
      [...expected].reverse(),
    );
  });

  it('refuses a cursor it did not issue, without quoting it', async () => {
    const forged = Buffer.from(JSON.stringify(['soon', 'x'])).toString('base64url');
    const result = await spec.subgraph.query(SUGGESTIONS, { after: forged });
    expect(result.errors?.[0]?.message).toMatch(/^after is not a cursor this API issued/);
    expect(result.errors?.[0]?.message).not.toContain('soon');
  });
});

describe('attestationCampaigns', () => {
  it('lists campaigns soonest deadline first, by status, business unit or owner, with totalCount and pages', async () => {
    const businessUnit = unique('bu');
    const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'Campaigns' });
    const identityId = await spec.client.discovered({ businessUnit });
    expect((await spec.client.assign({ identityId, ownerId: team.id })).errors).toBeUndefined();
    const start = async (name: string, hours: number, scope: Record<string, unknown>) => {
      const deadline = new Date(Date.now() + hours * 3_600_000).toISOString();
      const result = await spec.subgraph.query<{ startAttestationCampaign: { id: string } }>(
        `mutation($input: CampaignInput!) { startAttestationCampaign(input: $input) { id } }`,
        { input: { name, deadline, ...scope } },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.startAttestationCampaign.id;
    };
    const later = await start(unique('later'), 48, { businessUnit });
    const sooner = await start(unique('sooner'), 24, { businessUnit });
    const owners = await start(unique('owner'), 36, { ownerId: team.id });

    const unit = await read<Campaign>(CAMPAIGNS, 'attestationCampaigns', { filter: { businessUnit, status: 'OPEN' } });
    expect(unit.edges.map((e) => e.node.id)).toEqual([sooner, later]);
    expect(unit.totalCount).toBe(2);
    expect((await read<Campaign>(CAMPAIGNS, 'attestationCampaigns', { filter: { ownerId: team.id } })).edges.map((e) => e.node.id)).toEqual(
      [owners],
    );
    expect(await read<Campaign>(CAMPAIGNS, 'attestationCampaigns', { filter: { businessUnit, status: 'CLOSED' } })).toMatchObject({
      totalCount: 0,
      edges: [],
    });

    const every = await read<Campaign>(CAMPAIGNS, 'attestationCampaigns', { first: 500 });
    expect(await allPages<Campaign>(CAMPAIGNS, 'attestationCampaigns', {})).toEqual(every.edges.map((e) => e.node.id));
    const deadlines = every.edges.map((e) => Date.parse(e.node.deadline));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));

    expect(await allPages<Campaign>(CAMPAIGNS, 'attestationCampaigns', { businessUnit }, { field: 'DEADLINE', direction: 'DESC' })).toEqual(
      [later, sooner],
    );
    expect(
      await allPages<Campaign>(CAMPAIGNS, 'attestationCampaigns', { businessUnit }, { field: 'STARTED_AT', direction: 'DESC' }),
    ).toEqual([sooner, later]);
    const afterDeadline = unit.pageInfo.endCursor;
    const mixed = await spec.subgraph.query(CAMPAIGNS, {
      filter: { businessUnit },
      after: afterDeadline,
      orderBy: { field: 'STARTED_AT' },
    });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});

describe('openHandoffs', () => {
  type Handoff = { id: string; status: string; toOwner: { id: string } | null };
  const HANDOFFS = `query($filter: HandoffQueueFilter, $first: Int, $after: String, $orderBy: HandoffOrder) {
    openHandoffs(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount edges { cursor node { id status toOwner { id } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('lists open handoffs oldest first, to or from one owner or within the receiving business unit, with totalCount and pages', async () => {
    const receivingUnit = unique('bu');
    const from = await spec.client.owner({ externalRef: unique('from'), kind: 'TEAM', name: 'From' });
    const toB = await spec.client.owner({ externalRef: unique('to-b'), kind: 'TEAM', name: 'To B' });
    const toC = await spec.client.owner({ externalRef: unique('to-c'), kind: 'TEAM', name: 'To C', businessUnit: receivingUnit });
    const handoff = async (to: string) => {
      const system = unique('system');
      const identityId = await spec.client.discovered({ system });
      expect((await spec.client.assign({ identityId, ownerId: from.id })).errors).toBeUndefined();
      const result = await spec.subgraph.query<{ requestHandoff: { id: string } }>(
        'mutation($input: HandoffInput!) { requestHandoff(input: $input) { id } }',
        { input: { fromOwnerId: from.id, system, toOwnerId: to, reason: 'the system changes teams' } },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.requestHandoff.id;
    };
    const first = await handoff(toB.id);
    const second = await handoff(toC.id);
    const third = await handoff(toB.id);

    const fromOne = await read<Handoff>(HANDOFFS, 'openHandoffs', { filter: { fromOwnerId: from.id } });
    expect(fromOne.edges.map((e) => e.node.id)).toEqual([first, second, third]);
    expect(fromOne.totalCount).toBe(3);
    expect(await allPages<Handoff>(HANDOFFS, 'openHandoffs', { fromOwnerId: from.id })).toEqual([first, second, third]);
    expect(await allPages<Handoff>(HANDOFFS, 'openHandoffs', { fromOwnerId: from.id }, { direction: 'DESC' })).toEqual([
      third,
      second,
      first,
    ]);
    const toOne = await read<Handoff>(HANDOFFS, 'openHandoffs', { filter: { toOwnerId: toB.id } });
    expect(toOne.edges.map((e) => [e.node.id, e.node.toOwner?.id])).toEqual([
      [first, toB.id],
      [third, toB.id],
    ]);
    expect(
      (await read<Handoff>(HANDOFFS, 'openHandoffs', { filter: { businessUnit: receivingUnit } })).edges.map((e) => e.node.id),
    ).toEqual([second]);

    // A decided handoff leaves the queue.
    const declined = await spec.subgraph.query(
      `mutation($id: ID!) { declineHandoff(id: $id, note: "not ours") { id } }`,
      { id: first },
      {
        sub: 'b-owner',
        roles: ['security-admin'],
        ownerRefs: [],
      },
    );
    expect(declined.errors).toBeUndefined();
    expect((await read<Handoff>(HANDOFFS, 'openHandoffs', { filter: { toOwnerId: toB.id } })).edges.map((e) => e.node.id)).toEqual([third]);
  });
});
