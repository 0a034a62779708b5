import { waitFor } from '@nhi/testing';
import { COOKBOOK_PAGES, cookbookQuery, loadCookbook, operationOf, type CookbookPage } from './support/cookbook-doc';
import { page, post, seedCookbook, type RotationPayload, type Seed } from './support/cookbook-seed';
import type { E2ePlatform } from './support/e2e-platform';

/**
 * Issue 22 item 9: docs/graphql.md is the portal developer's cookbook, one named operation per page. These
 * checks read every `# cookbook: <name>` block from the document itself and run it through the gateway
 * against data seeded for it, so the document and the graph cannot drift apart.
 */

interface Context {
  e2e: E2ePlatform;
  query: (name: CookbookPage) => string;
  seeded: Seed;
  /** A security-admin who asked for everything seeded (so may not decide the exception). */
  admin: string;
  /** Another security-admin. */
  approver: string;
  /** Acts for the team (its externalRef is in the token) and decides exceptions. */
  lead: string;
}

interface FacetCount {
  value: string | null;
  count: number;
}

type Facets = Record<
  'kind' | 'provider' | 'environment' | 'businessUnit' | 'privilegeLevel' | 'ownershipStatus' | 'lifecycleState' | 'findingCategory',
  FacetCount[]
>;

interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: N }>;
}

type Row = Record<string, unknown> & { id: string };

interface InventoryPage {
  identitySearch: Connection<Row | null> & { facets: Facets };
}

const nodesOf = <N>(connection: { edges: Array<{ node: N }> }): N[] => connection.edges.map((edge) => edge.node);
const total = (facet: FacetCount[]) => facet.reduce((sum, f) => sum + f.count, 0);

function checkBlocks(cookbook: ReadonlyMap<string, string>): void {
  expect([...cookbook.keys()].sort()).toEqual([...COOKBOOK_PAGES].sort());
  for (const name of COOKBOOK_PAGES) {
    const operation = operationOf(name, cookbookQuery(cookbook, name));
    expect([name, operation.operation]).toEqual([name, name === 'rotation-request' ? 'mutation' : 'query']);
  }
}

async function inventoryFilter({ e2e, query, seeded, admin }: Context): Promise<void> {
  const { businessUnit, main, teamId, teamName } = seeded;
  const filter = { search: 'cookbook', businessUnit: [businessUnit], ownershipStatus: ['OWNED'] };
  // Metrics' search index follows the events by about a second.
  const found = await waitFor(
    async () => {
      const { identitySearch } = await page<InventoryPage>(e2e, admin, query('inventory-page'), { filter, first: 10 });
      return identitySearch.totalCount === 1 && identitySearch.facets.findingCategory.length > 0 && identitySearch;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: "metrics' search to index the owned identity and its finding" },
  );
  expect(nodesOf(found)).toEqual([
    expect.objectContaining({
      id: main.id,
      name: main.name,
      kind: 'SECRET',
      provider: 'demo',
      environment: 'PRODUCTION',
      businessUnit,
      ownershipStatus: 'OWNED',
      owner: { id: teamId, name: teamName, kind: 'TEAM' },
      lifecycle: expect.objectContaining({ state: expect.any(String) }),
    }),
  ]);
  expect(found.pageInfo.hasNextPage).toBe(false);
  const { facets } = found;
  expect(facets.kind).toEqual([{ value: 'SECRET', count: 1 }]);
  expect(facets.provider).toEqual([{ value: 'demo', count: 1 }]);
  expect(facets.environment).toEqual([{ value: 'PRODUCTION', count: 1 }]);
  expect(facets.businessUnit).toEqual([{ value: businessUnit, count: 1 }]);
  expect(facets.ownershipStatus).toEqual([{ value: 'OWNED', count: 1 }]);
  expect(total(facets.privilegeLevel)).toBe(1);
  expect(total(facets.lifecycleState)).toBe(1);
  expect(facets.findingCategory).toContainEqual({ value: 'NHI10', count: 1 });
}

async function inventoryPaging({ e2e, query, seeded, admin }: Context): Promise<void> {
  const filter = { businessUnit: [seeded.businessUnit] };
  // Most privileged first: the cursor carries the order, so the second page continues it.
  const orderBy = { field: 'PRIVILEGE_LEVEL', direction: 'DESC' };
  const first = await waitFor(
    async () => {
      const { identitySearch } = await page<InventoryPage>(e2e, admin, query('inventory-page'), { filter, first: 2, orderBy });
      return identitySearch.totalCount === 4 && identitySearch;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: "metrics' search to index the business unit" },
  );
  expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });
  const { identitySearch: second } = await page<InventoryPage>(e2e, admin, query('inventory-page'), {
    filter,
    first: 2,
    after: first.pageInfo.endCursor,
    orderBy,
  });
  expect(second.pageInfo.hasNextPage).toBe(false);
  const ids = [...nodesOf(first), ...nodesOf(second)].map((node) => node?.id);
  const seededIds = [seeded.main, seeded.failingRotation, seeded.failingRevocation, seeded.suggested].map((identity) => identity.id);
  expect(ids.sort()).toEqual(seededIds.sort());
  expect(total(second.facets.kind)).toBe(4);
}

interface Detail {
  identity: Record<string, unknown> & {
    lifecycle: { rotations: Array<{ id: string }> } | null;
    findings: unknown[];
  };
}

async function identityDetail({ e2e, query, seeded, admin }: Context): Promise<void> {
  const { main, teamId, teamName } = seeded;
  const { identity } = await page<Detail>(e2e, admin, query('identity-detail'), { id: main.id, historyFirst: 10 });
  expect(identity).toMatchObject({
    ...{ id: main.id, name: main.name, kind: 'SECRET', sourceKind: null, provider: 'demo', externalId: main.externalId },
    ...{ environment: 'PRODUCTION', businessUnit: seeded.businessUnit, status: 'ACTIVE' },
    sightings: [{ source: 'demo-secret-manager', seenAt: expect.any(String) }],
    ownershipStatus: 'OWNED',
    owner: { id: teamId, name: teamName, kind: 'TEAM', email: null },
    backupOwner: null,
    ownershipHistory: {
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      edges: [
        {
          node: {
            ...{ role: 'PRIMARY', change: 'ASSIGNED', via: 'MANUAL', actor: 'e2e-cookbook' },
            ...{ owner: { id: teamId, name: teamName }, previousOwner: null },
          },
        },
      ],
    },
    suggestions: [],
    lifecycle: { policy: { name: seeded.policyName, maxAgeDays: 90 }, viewerCanRotate: true, viewerCanRevoke: true, suspensions: [] },
    // The requester sees the exception but may not decide it; they may withdraw it.
    exceptions: [
      {
        ...{ id: seeded.exceptionId, control: 'NHI10', status: 'REQUESTED', requestedBy: 'e2e-cookbook' },
        ...{ viewerCanDecide: false, viewerCanRevoke: true },
      },
    ],
  });
  expect(identity.findings).toContainEqual(expect.objectContaining({ category: 'NHI10', code: 'HUMAN_USE', severity: 'HIGH' }));
  expect(identity.lifecycle?.rotations.map((rotation) => rotation.id)).toContain(seeded.rotation.rotationRequest?.id);
}

interface MyWork {
  viewer: {
    subject: string;
    roles: string[];
    owners: unknown[];
    identities: Connection<Row | null>;
    tasks: { attestations: unknown[]; pendingHandoffs: unknown[] };
    exceptionsToDecide: unknown[] | null;
  };
}

async function myWork({ e2e, query, seeded, lead }: Context): Promise<void> {
  const { main, teamId, teamName, teamRef } = seeded;
  const { viewer } = await page<MyWork>(e2e, lead, query('my-work'), { first: 20 });
  expect(viewer.subject).toBe('e2e-cookbook-lead');
  expect([...viewer.roles].sort()).toEqual(['owner', 'security-admin']);
  expect(viewer.owners).toEqual([{ id: teamId, kind: 'TEAM', name: teamName, externalRef: teamRef }]);
  expect(viewer.identities.totalCount).toBe(1);
  expect(nodesOf(viewer.identities)).toEqual([
    expect.objectContaining({ id: main.id, name: main.name, kind: 'SECRET', ownershipStatus: 'OWNED' }),
  ]);
  expect(viewer.tasks.attestations).toContainEqual({
    campaign: { id: seeded.campaignId, name: seeded.campaignName, deadline: expect.any(String) },
    identity: { id: main.id, name: main.name, kind: 'SECRET' },
  });
  expect(viewer.tasks.pendingHandoffs).toEqual([]);
  expect(viewer.exceptionsToDecide).toContainEqual(
    expect.objectContaining({ id: seeded.exceptionId, control: 'NHI10', identity: { id: main.id, name: main.name } }),
  );
  // The filter narrows the same list: the team's secret as PRIMARY, and no backups.
  const primary = await page<MyWork>(e2e, lead, query('my-work'), { first: 20, filter: { role: 'PRIMARY', kind: ['SECRET'] } });
  expect(nodesOf(primary.viewer.identities).map((node) => node?.id)).toEqual([main.id]);
  const backups = await page<MyWork>(e2e, lead, query('my-work'), { first: 20, filter: { role: 'BACKUP' } });
  expect(backups.viewer.identities.totalCount).toBe(0);
  const byName = await page<MyWork>(e2e, lead, query('my-work'), { first: 20, orderBy: { field: 'NAME', direction: 'DESC' } });
  expect(nodesOf(byName.viewer.identities).map((node) => node?.id)).toEqual([main.id]);
}

interface ApproverQueue {
  pendingExceptions: Omit<Connection<Row>, 'totalCount'>;
}

async function approverQueue({ e2e, query, seeded, approver }: Context): Promise<void> {
  // Two at a time, newest first, following endCursor, until the seeded request turns up.
  const orderBy = { field: 'REQUESTED_AT', direction: 'DESC' };
  let after: string | null = null;
  let found: Row | undefined;
  let previous = Infinity;
  for (let pages = 0; !found && pages < 50; pages += 1) {
    const variables: Record<string, unknown> = { first: 2, after, orderBy };
    const { pendingExceptions }: ApproverQueue = await page<ApproverQueue>(e2e, approver, query('approver-queue'), variables);
    for (const node of nodesOf(pendingExceptions)) {
      const requestedAt = Date.parse(String(node.requestedAt));
      expect(requestedAt).toBeLessThanOrEqual(previous);
      previous = requestedAt;
    }
    found = nodesOf(pendingExceptions).find((node) => node.id === seeded.exceptionId);
    if (!pendingExceptions.pageInfo.hasNextPage) break;
    after = pendingExceptions.pageInfo.endCursor;
  }
  expect(found).toMatchObject({
    ...{ id: seeded.exceptionId, identityId: seeded.main.id, control: 'NHI10', riskRating: 'MEDIUM' },
    ...{ requestedBy: 'e2e-cookbook', compensatingControls: [], viewerCanDecide: true },
    identity: {
      ...{ id: seeded.main.id, name: seeded.main.name, kind: 'SECRET', environment: 'PRODUCTION' },
      ...{ businessUnit: seeded.businessUnit, ownershipStatus: 'OWNED', owner: { id: seeded.teamId, name: seeded.teamName } },
    },
  });
}

async function ownerPicker({ e2e, query, seeded, admin }: Context): Promise<void> {
  type Picker = { owners: Connection<Row>; ownerByExternalRef: Row | null };
  const picked = await page<Picker>(e2e, admin, query('owner-picker'), {
    search: `cookbook TEAM ${seeded.run}`,
    first: 5,
    ref: seeded.teamRef,
  });
  const team = { id: seeded.teamId, kind: 'TEAM', name: seeded.teamName, email: null, active: true };
  expect(picked.owners.totalCount).toBe(1);
  expect(nodesOf(picked.owners)).toEqual([{ ...team, businessUnit: seeded.businessUnit, externalRef: seeded.teamRef, parent: null }]);
  expect(picked.ownerByExternalRef).toEqual({ ...team, deactivatedAt: null });
}

interface Queues {
  openFindings: Connection<Row>;
  failedRotations: Connection<Row | null>;
  failedRevocations: Connection<Row>;
  openOwnershipSuggestions: Connection<Row>;
  attestationCampaigns: Connection<Row>;
}

/** The queues once the integrator has refused both requests (within seconds) and ownership made its suggestion. */
function workQueues({ e2e, query, seeded, admin }: Context): Promise<Queues> {
  const { businessUnit } = seeded;
  const variables = {
    first: 50,
    findings: { businessUnit, categories: ['NHI10'], minSeverity: 'HIGH' },
    revocations: { businessUnit },
    suggestions: { businessUnit },
    suggestionsOrder: { field: 'CONFIDENCE', direction: 'DESC' },
    campaigns: { status: 'OPEN', ownerId: seeded.teamId },
  };
  return waitFor(
    async () => {
      const queues = await page<Queues>(e2e, admin, query('work-queues'), variables);
      const failedRotation = nodesOf(queues.failedRotations).some((node) => node?.id === seeded.failingRotation.id);
      return failedRotation && queues.failedRevocations.totalCount === 1 && queues.openOwnershipSuggestions.totalCount === 1 && queues;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the integrator to refuse the rotation and the revocation' },
  );
}

function expectFailures(queues: Queues, seeded: Seed): void {
  const { businessUnit, failingRotation, failingRevocation } = seeded;
  expect(nodesOf(queues.failedRotations).find((node) => node?.id === failingRotation.id)).toEqual({
    ...{ id: failingRotation.id, name: failingRotation.name, businessUnit, owner: null },
    lifecycle: {
      state: 'ROTATION_FAILED',
      rotations: [{ id: expect.any(String), attempt: 1, error: expect.any(String), completedAt: expect.any(String), nextAttemptAt: null }],
    },
  });
  expect(nodesOf(queues.failedRevocations)).toEqual([
    {
      ...{ id: seeded.revocationId, identityId: failingRevocation.id, status: 'FAILED', attempt: 1, error: expect.any(String) },
      ...{ completedAt: expect.any(String), nextAttemptAt: null },
      identity: { id: failingRevocation.id, name: failingRevocation.name, owner: null },
    },
  ]);
}

function expectOwnershipQueues(queues: Queues, seeded: Seed): void {
  const { businessUnit, teamId, teamName } = seeded;
  expect(queues.openFindings.totalCount).toBe(1);
  expect(nodesOf(queues.openFindings)).toEqual([
    expect.objectContaining({
      ...{ category: 'NHI10', code: 'HUMAN_USE', severity: 'HIGH' },
      identity: { id: seeded.main.id, name: seeded.main.name, businessUnit, owner: { id: teamId, name: teamName } },
    }),
  ]);
  expect(nodesOf(queues.openOwnershipSuggestions)).toEqual([
    expect.objectContaining({
      owner: { id: teamId, name: teamName },
      rule: { id: expect.any(String), name: seeded.ruleName },
      identity: { id: seeded.suggested.id, name: seeded.suggested.name, businessUnit },
    }),
  ]);
  expect(queues.attestationCampaigns.totalCount).toBe(1);
  expect(nodesOf(queues.attestationCampaigns)).toEqual([
    {
      ...{ id: seeded.campaignId, name: seeded.campaignName, status: 'OPEN', deadline: expect.any(String), businessUnit: null },
      owner: { id: teamId, name: teamName },
      progress: { total: 1, decided: 0, pending: 1, completion: 0 },
    },
  ]);
}

async function rotationProgress({ e2e, query, seeded, admin }: Context): Promise<void> {
  const { rotation, main } = seeded;
  const id = rotation.rotationRequest?.id;
  expect(rotation).toEqual({
    clientMutationId: 'cookbook-rotate-button',
    userErrors: [],
    rotationRequest: {
      ...{ id: expect.any(String), status: 'REQUESTED', attempt: 1, requestedAt: expect.any(String), deadline: expect.any(String) },
      identity: { id: main.id, name: main.name },
    },
  });
  // As the cookbook says: every 2 s until a terminal status.
  const done = await waitFor(
    async () => {
      const { rotationRequest } = await page<{ rotationRequest: Row & { status: string } }>(e2e, admin, query('rotation-progress'), { id });
      return rotationRequest.status !== 'REQUESTED' && rotationRequest;
    },
    { timeoutMs: 60_000, intervalMs: 2_000, what: 'the reference integrator to rotate the credential' },
  );
  expect(done).toMatchObject({
    ...{ id, identityId: main.id, status: 'COMPLETED', attempt: 1, reason: seeded.rotationInput['reason'] },
    ...{ completedAt: expect.any(String), error: null, nextAttemptAt: null, retriedAt: null, targetCredentials: [] },
    identity: { id: main.id, name: main.name },
  });
}

async function rotationRetries({ e2e, query, seeded, admin }: Context): Promise<void> {
  const { rotationInput } = seeded;
  const id = seeded.rotation.rotationRequest?.id;
  // The same idempotencyKey and input: the first request, as it is now, and no new rotation.
  const retried = await post<{ rotationRequestCreate: RotationPayload }>(e2e, admin, query('rotation-request'), {
    input: { ...rotationInput, clientMutationId: 'cookbook-rotate-retry' },
  });
  expect(retried.errors).toEqual([]);
  expect(retried.data.rotationRequestCreate).toMatchObject({
    clientMutationId: 'cookbook-rotate-retry',
    userErrors: [],
    rotationRequest: { id, status: 'COMPLETED' },
  });
  // The same key with another input: a refusal, as data.
  const reused = await post<{ rotationRequestCreate: RotationPayload }>(e2e, admin, query('rotation-request'), {
    input: { ...rotationInput, reason: 'cookbook: another reason' },
  });
  expect(reused.errors).toEqual([]);
  expect(reused.data.rotationRequestCreate).toEqual({
    clientMutationId: 'cookbook-rotate-button',
    userErrors: [{ field: ['idempotencyKey'], message: expect.any(String), code: 'CONFLICT' }],
    rotationRequest: null,
  });
}

interface Dashboard {
  governanceSummary: Record<string, unknown> & {
    totalIdentities: number;
    openExceptions: number;
    byKind: unknown[];
    findingsByCategory: unknown[];
  };
  identityFacets: Facets;
}

async function governanceDashboard({ e2e, query, seeded, admin }: Context): Promise<void> {
  const { businessUnit } = seeded;
  const variables = { businessUnit, filter: { businessUnit: [businessUnit] } };
  const { governanceSummary: summary, identityFacets: facets } = await waitFor(
    async () => {
      const d = await page<Dashboard>(e2e, admin, query('governance-dashboard'), variables);
      const owned = d.identityFacets.ownershipStatus.find((f) => f.value === 'OWNED')?.count;
      return d.governanceSummary.totalIdentities === 4 && d.governanceSummary.openExceptions === 1 && owned === 1 && d;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'metrics to count the business unit' },
  );
  expect(summary).toMatchObject({
    ...{ totalIdentities: 4, byEnvironment: [{ key: 'PRODUCTION', count: 4 }], byProvider: [{ key: 'demo', count: 4 }] },
    ...{ ownershipCoverage: 0.25, orphaned: 0, unassigned: 3, openExceptions: 1, expiredExceptions: 0, asOf: expect.any(String) },
  });
  const twoOfEach = [
    { key: 'SECRET', count: 2 },
    { key: 'OTHER', count: 2 },
  ];
  expect(summary.byKind).toEqual(expect.arrayContaining(twoOfEach));
  expect(summary.findingsByCategory).toHaveLength(10);
  expect(summary.findingsByCategory).toContainEqual({ category: 'NHI10', count: 1 });
  expect(facets.businessUnit).toEqual([{ value: businessUnit, count: 4 }]);
  expect(facets.kind).toEqual(expect.arrayContaining(twoOfEach.map(({ key, count }) => ({ value: key, count }))));
  // The three without an owner count under null, not UNASSIGNED, while ownership has published nothing about them
  // (docs/graphql.md, page 8); governanceSummary.unassigned counts them.
  expect(facets.ownershipStatus).toContainEqual({ value: 'OWNED', count: 1 });
  expect(total(facets.ownershipStatus)).toBe(4);
  expect(total(facets.lifecycleState)).toBe(4);
  expect(facets.findingCategory).toContainEqual({ value: 'NHI10', count: 1 });
}

async function contextFor(e2e: E2ePlatform, cookbook: ReadonlyMap<string, string>): Promise<Context> {
  const query = (name: CookbookPage) => cookbookQuery(cookbook, name);
  const admin = await e2e.token({ sub: 'e2e-cookbook', roles: ['security-admin'] });
  const approver = await e2e.token({ sub: 'e2e-cookbook-approver', roles: ['security-admin'] });
  const seeded = await seedCookbook(e2e, admin, query('rotation-request'));
  const lead = await e2e.token({ sub: 'e2e-cookbook-lead', roles: ['owner', 'security-admin'], ownerRefs: [seeded.teamRef] });
  return { e2e, query, seeded, admin, approver, lead };
}

/**
 * Run inside a spec that started the platform (cheaper than a platform of its own): the suite's platform is
 * only known once its beforeAll ran, hence the getter. The seed has a business unit of its own, so the
 * suite's other traffic does not change what the pages must show.
 */
export function describeCookbook(platformOf: () => E2ePlatform): void {
  describe('the portal cookbook (docs/graphql.md) through the gateway', () => {
    const cookbook = loadCookbook();
    let context: Context;

    beforeAll(async () => {
      context = await contextFor(platformOf(), cookbook);
    });

    it('has a block for every page, each one named operation', () => checkBlocks(cookbook));
    it('inventory-page: finds the owned identity by a filter and counts it in every facet', () => inventoryFilter(context));
    it('inventory-page: pages the business unit with first and after', () => inventoryPaging(context));
    it('identity-detail: inventory, owner and history, lifecycle with the rotation and flags, exceptions, findings', () =>
      identityDetail(context));
    it("my-work: the viewer's team, its identity, the attestation to make and the exception to decide", () => myWork(context));
    it('approver-queue: the pending exception with its identity and owner, decidable by another admin', () => approverQueue(context));
    it('owner-picker: the team by a search and by its directory reference', () => ownerPicker(context));
    it('work-queues: the finding, the failed rotation and revocation, the suggestion and the campaign', async () => {
      const queues = await workQueues(context);
      expectFailures(queues, context.seeded);
      expectOwnershipQueues(queues, context.seeded);
    });
    it('rotation-request and rotation-progress: the payload, then polling to COMPLETED', () => rotationProgress(context));
    it('rotation-request: a retry with the same idempotencyKey returns the first request', () => rotationRetries(context));
    it('governance-dashboard: the business unit in the summary and the facets', () => governanceDashboard(context));
  });
}
