import { randomUUID } from 'node:crypto';
import { ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { identityDiscoveredData, ownershipAssignedData, subgraphSpec, SubgraphUnderTest, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { GOVERNANCE_METRICS } from '../../src/trends/trend.resolver';

/**
 * A small estate told to metrics the way the services tell it (their events on
 * their topics), then every number checked by hand; then a second metrics,
 * with an empty database, rebuilds from the same topics and must give exactly
 * the same numbers.
 */
let rebuilt: SubgraphUnderTest | undefined;
// Declared before the harness, so it runs first: the rebuild still reads the topics the harness deletes.
afterAll(async () => {
  await rebuilt?.stop();
});

const spec = subgraphSpec('metrics_governance', bootstrap, { env: { SNAPSHOT_INTERVAL_MS: '300' } });

const AT = new Date('2026-11-20T12:00:00.000Z');
/** Today's snapshot is taken from the running totals: the trends read up to now too. */
const NOW = new Date();
const daysBefore = (days: number) => new Date(AT.getTime() - days * 86_400_000).toISOString();
const hoursAfter = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
const BU = `Payments-${randomUUID().slice(0, 8)}`;
const OTHER_BU = `Data-${randomUUID().slice(0, 8)}`;

const SUMMARY = `query($bu: String, $at: DateTime) { governanceSummary(businessUnit: $bu, at: $at) {
  totalIdentities byKind { key count } byEnvironment { key count } byProvider { key count }
  ownershipCoverage orphaned unassigned rotationCompliance overdueRotations credentialAgeDaysP50 credentialAgeDaysP90
  revocationLeadTimeHoursP50 openExceptions expiringExceptions expiredExceptions attestationCompletion
  findingsByCategory { category count } asOf } }`;
const ADOPTION = `query($at: DateTime) { adoption(at: $at) { businessUnit identities ownershipCoverage managedRotationShare
  attestationCompletion rotationCompliance exceptionsPer100Identities readiness } }`;
const COVERAGE = `query($f: Framework!, $at: DateTime) { frameworkCoverage(framework: $f, at: $at) { controlId status value evidence } }`;
const TREND = `query($m: GovernanceMetric!, $from: DateTime!, $to: DateTime!, $i: TrendInterval, $bu: String) {
  governanceTrend(metric: $m, from: $from, to: $to, interval: $i, businessUnit: $bu) { at value } }`;

/** Waits until the daily snapshots include every history row, by seq and by writing transaction: trends are computed in the background. */
async function snapshotsCaughtUp(subgraph: SubgraphUnderTest): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await subgraph.sql<{ done: boolean }>(
        `SELECT p.seq >= coalesce((SELECT max(seq) FROM state_history), 0)
            AND p.horizon IS NOT NULL AND NOT EXISTS (SELECT 1 FROM state_history WHERE tx >= p.horizon) AS done
           FROM snapshot_progress p`,
      );
      return row.done;
    },
    { what: 'the daily snapshots to catch up' },
  );
}

async function everything(subgraph: SubgraphUnderTest) {
  const at = AT.toISOString();
  await snapshotsCaughtUp(subgraph);
  const trendOf = (m: string, i: string) => subgraph.query(TREND, { m, from: daysBefore(210), to: at, i, bu: BU });
  const [estate, unit, adoption, csf, owasp, ai, identities, coverage, monthly] = await Promise.all([
    subgraph.query(SUMMARY, { at }),
    subgraph.query(SUMMARY, { bu: BU, at }),
    subgraph.query(ADOPTION, { at }),
    subgraph.query(COVERAGE, { f: 'NIST_CSF_2', at }),
    subgraph.query(COVERAGE, { f: 'OWASP_NHI_TOP10', at }),
    subgraph.query(COVERAGE, { f: 'NIST_AI_RMF', at }),
    trendOf('IDENTITIES', 'DAY'),
    trendOf('OWNERSHIP_COVERAGE', 'DAY'),
    trendOf('OPEN_EXCEPTIONS', 'MONTH'),
  ]);
  // Every metric, day by day from AT to today, whose snapshot comes from the totals.
  const recent = await Promise.all(
    GOVERNANCE_METRICS.map((m) => subgraph.query(TREND, { m, from: at, to: NOW.toISOString(), i: 'DAY', bu: BU })),
  );
  const results = [estate, unit, adoption, csf, owasp, ai, identities, coverage, monthly, ...recent];
  for (const result of results) if (result.errors) throw new Error(JSON.stringify(result.errors));
  const trend = (result: typeof identities) =>
    new Map((result.data as { governanceTrend: Array<{ at: string; value: number | null }> }).governanceTrend.map((p) => [p.at, p.value]));
  const today = `${NOW.toISOString().slice(0, 10)}T00:00:00.000Z`;
  return {
    estate: estate.data,
    unit: unit.data,
    adoption: adoption.data,
    csf: csf.data,
    owasp: owasp.data,
    ai: ai.data,
    trends: {
      identities: trend(identities),
      coverage: trend(coverage),
      monthlyExceptions: trend(monthly),
      recent: Object.fromEntries(GOVERNANCE_METRICS.map((m, i) => [m, trend(recent[i] as typeof identities)])),
      today: Object.fromEntries(GOVERNANCE_METRICS.map((m, i) => [m, trend(recent[i] as typeof identities).get(today)])),
    },
  };
}

async function discovered(overrides: Parameters<typeof identityDiscoveredData>[0], at: string): Promise<string> {
  const data = identityDiscoveredData(overrides, at);
  await spec.subgraph.publish('nhi.identity.discovered', data);
  return data.identity.id;
}

describe('governance numbers from events', () => {
  it('computes every KPI of a scenario, and a rebuild from the topics gives exactly the same numbers', async () => {
    // Payments: four live identities and one decommissioned; another unit has one.
    const a = await discovered(
      { businessUnit: BU, kind: 'API_KEY', system: 'billing', privilegeLevel: 'HIGH', createdAt: daysBefore(100) },
      daysBefore(100),
    );
    const b = await discovered(
      { businessUnit: BU, kind: 'SERVICE_ACCOUNT', system: null, privilegeLevel: null, createdAt: daysBefore(30) },
      daysBefore(30),
    );
    const c = await discovered(
      { businessUnit: BU, kind: 'AI_AGENT', system: null, privilegeLevel: null, createdAt: daysBefore(40) },
      daysBefore(40),
    );
    await discovered({ businessUnit: BU, kind: 'SECRET', system: null, privilegeLevel: null, createdAt: daysBefore(60) }, daysBefore(60));
    const gone = await discovered({ businessUnit: BU, kind: 'SECRET', createdAt: daysBefore(200) }, daysBefore(200));
    const e = await discovered(
      { businessUnit: OTHER_BU, kind: 'API_KEY', system: 'lake', privilegeLevel: 'LOW', createdAt: daysBefore(5) },
      daysBefore(5),
    );

    // Ownership: a and b owned (a attested 10 days ago), c orphaned, the fourth never owned.
    const owner = randomUUID();
    for (const id of [a, b, c]) {
      await spec.subgraph.publish('nhi.ownership.assigned', ownershipAssignedData(id, owner, { assignedAt: daysBefore(20) }), 'ownership');
    }
    await spec.subgraph.publish(
      'nhi.ownership.orphaned',
      {
        identityId: c,
        previousOwnerId: owner,
        cause: 'OWNER_DEACTIVATED',
        actor: 'hr-sync',
        orphanedAt: daysBefore(3),
        graceEndsAt: daysBefore(-11),
      },
      'ownership',
    );
    await spec.subgraph.publish(
      'nhi.ownership.attested',
      { identityId: a, campaignId: randomUUID(), ownerId: owner, decision: 'KEEP', note: null, actor: 'olive', attestedAt: daysBefore(10) },
      'ownership',
    );

    // Lifecycle: a overdue on an auto-rotating policy; b rotated 2 days ago; gone revoked 3 hours after the request.
    await spec.subgraph.publish(
      'nhi.credential.rotation-due',
      { identityId: a, dueAt: daysBefore(5), warning: false, policy: 'auto keys', autoRotate: true },
      'lifecycle',
    );
    await spec.subgraph.publish(
      'nhi.credential.rotated',
      {
        requestId: randomUUID(),
        identityId: b,
        rotatedAt: daysBefore(2),
        newCredentialFingerprint: null,
        newExpiresAt: null,
        nextRotationDueAt: daysBefore(-88),
      },
      'lifecycle',
    );
    const requestId = randomUUID();
    await spec.subgraph.publish(
      'nhi.credential.revocation-requested',
      { requestId, identityId: gone, attempt: 1, reason: 'retired', force: false, requestedAt: daysBefore(1), deadline: daysBefore(0) },
      'lifecycle',
    );
    await spec.subgraph.publish(
      'nhi.credential.revoked',
      { requestId, identityId: gone, revokedAt: hoursAfter(daysBefore(1), 3) },
      'lifecycle',
    );
    await spec.subgraph.publish('nhi.identity.decommissioned', {
      id: gone,
      reason: 'retired',
      decommissionedBy: 'alice',
      decommissionedAt: daysBefore(1),
    });

    // Findings: a has NHI7 and NHI5 open; b's NHI5 was closed.
    const finding = (identityId: string, category: 'NHI5' | 'NHI7') => ({
      identityId,
      findingId: randomUUID(),
      category,
      code: category === 'NHI7' ? 'CREDENTIAL_TOO_OLD' : 'ADMIN_OR_WILDCARD_SCOPES',
      severity: 'HIGH' as const,
      detail: 'test',
      detectedAt: daysBefore(50),
    });
    await spec.subgraph.publish('nhi.finding.opened', finding(a, 'NHI7'));
    await spec.subgraph.publish('nhi.finding.opened', finding(a, 'NHI5'));
    const closed = finding(b, 'NHI5');
    await spec.subgraph.publish('nhi.finding.opened', closed);
    await spec.subgraph.publish('nhi.finding.closed', {
      identityId: closed.identityId,
      findingId: closed.findingId,
      category: closed.category,
      code: closed.code,
      closedAt: daysBefore(4),
    });

    // Exceptions: a's ROTATION exception approved and expiring in 3 days; an NHI7 exception on e expired.
    const exception = (identityId: string, control: 'ROTATION' | 'NHI7', expiresAt: string, at: string) => ({
      exceptionId: randomUUID(),
      identityId,
      control,
      expiresAt,
      groupId: null,
      actor: 'rita',
      at,
    });
    const onA = exception(a, 'ROTATION', daysBefore(-3), daysBefore(6));
    await spec.subgraph.publish(
      'nhi.exception.requested',
      { ...onA, justification: 'vendor', compensatingControls: [], riskRating: null, renewsId: null },
      'exceptions',
    );
    await spec.subgraph.publish('nhi.exception.approved', { ...onA, actor: 'sam', at: daysBefore(5), note: null }, 'exceptions');
    const onE = exception(e, 'NHI7', daysBefore(1), daysBefore(4));
    await spec.subgraph.publish(
      'nhi.exception.requested',
      { ...onE, justification: 'legacy', compensatingControls: [], riskRating: 'LOW', renewsId: null },
      'exceptions',
    );
    const last = await spec.subgraph.publish(
      'nhi.exception.expired',
      { ...onE, actor: 'exceptions', at: daysBefore(1), previousStatus: 'REQUESTED' },
      'exceptions',
    );

    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [last.id])).length > 0, {
      what: 'metrics to apply the last event',
    });
    await waitFor(
      async () =>
        (await spec.subgraph.sql("SELECT 1 FROM identity_facts WHERE identity_id = $1 AND status = 'DECOMMISSIONED'", [gone])).length > 0,
      {
        what: 'the decommissioning to be applied',
      },
    );
    const live = await everything(spec.subgraph);

    expect(live.unit).toEqual({
      governanceSummary: {
        totalIdentities: 4,
        byKind: [
          { key: 'AI_AGENT', count: 1 },
          { key: 'API_KEY', count: 1 },
          { key: 'SECRET', count: 1 },
          { key: 'SERVICE_ACCOUNT', count: 1 },
        ],
        byEnvironment: [{ key: 'PRODUCTION', count: 4 }],
        byProvider: [{ key: 'aws', count: 4 }],
        ownershipCoverage: 0.5, // a and b of four
        orphaned: 1,
        unassigned: 1,
        rotationCompliance: 0.75, // a is overdue
        overdueRotations: 1,
        credentialAgeDaysP50: 50, // ages 2 (b, rotated), 40, 60, 100
        credentialAgeDaysP90: 88,
        revocationLeadTimeHoursP50: 3,
        openExceptions: 1,
        expiringExceptions: 1,
        expiredExceptions: 0,
        attestationCompletion: 0.5, // a of the owned a and b
        findingsByCategory: expect.arrayContaining([
          { category: 'NHI5', count: 1 },
          { category: 'NHI7', count: 1 },
          { category: 'NHI1', count: 0 },
        ]),
        // Lifecycle's events count at their publication time: later than the scenario's own times.
        asOf: expect.any(String),
      },
    });
    expect((live.estate as { governanceSummary: { totalIdentities: number; expiredExceptions: number } }).governanceSummary).toMatchObject({
      totalIdentities: 5,
      expiredExceptions: 1,
    });
    const adoption = (live.adoption as { adoption: Array<Record<string, unknown>> }).adoption;
    expect(adoption.find((row) => row['businessUnit'] === BU)).toEqual({
      businessUnit: BU,
      identities: 4,
      ownershipCoverage: 0.5,
      managedRotationShare: 0.5, // a (auto-rotating policy) and b (rotated)
      attestationCompletion: 0.5,
      rotationCompliance: 0.75,
      exceptionsPer100Identities: 25,
      readiness: 'PILOT',
    });
    const control = (data: unknown, id: string) =>
      (data as { frameworkCoverage: Array<{ controlId: string; status: string; value: number | null }> }).frameworkCoverage.find(
        (c) => c.controlId === id,
      );
    expect(control(live.owasp, 'NHI7')).toMatchObject({ value: 0.8, status: 'NOT_MET' }); // a of five
    expect(control(live.owasp, 'NHI1')).toMatchObject({ value: 1, status: 'MET' });
    expect(control(live.csf, 'GV.RR-02')).toMatchObject({ value: 0.4, status: 'NOT_MET' }); // a and b of five
    expect(control(live.csf, 'ID.AM-02')).toMatchObject({ value: 0.4 }); // a and e have a system
    expect(control(live.ai, 'GOVERN 1.6')).toMatchObject({ value: 0, status: 'NOT_MET' }); // the AI agent is orphaned

    // Trends, from the event times: day by day in the business unit.
    const dayStart = (days: number) => `${daysBefore(days).slice(0, 10)}T00:00:00.000Z`;
    expect(live.trends.identities.get(dayStart(150))).toBe(1); // only the one decommissioned since
    expect(live.trends.identities.get(dayStart(50))).toBe(3); // and a and the secret of 60 days
    expect(live.trends.identities.get(dayStart(2))).toBe(5);
    expect(live.trends.identities.get(dayStart(0))).toBe(4); // decommissioned the day before
    expect(live.trends.coverage.get(dayStart(10))).toBe(0.6); // a, b and c of five
    expect(live.trends.coverage.get(dayStart(0))).toBe(0.5); // c orphaned since
    expect([...live.trends.monthlyExceptions.values()].at(-1)).toBe(1); // a's approved exception
    // Today's, from the running totals (attestation left out: it depends on how long ago AT is).
    expect(live.trends.today).toMatchObject({
      IDENTITIES: 4,
      OWNERSHIP_COVERAGE: 0.5,
      ORPHANED: 1,
      ROTATION_COMPLIANCE: 0.75,
      OVERDUE_ROTATIONS: 1,
      MANAGED_ROTATION_SHARE: 0.5,
      OPEN_EXCEPTIONS: 0, // a's expired three days after AT
      OPEN_FINDINGS: 2,
    });

    // The auditor's export says the same as the API.
    const report = (format: string, roles: Array<'auditor' | 'viewer'> | null) =>
      fetch(`${new URL(spec.subgraph.url).origin}/reports/governance.${format}?at=${AT.toISOString()}`, {
        headers: roles ? { [ACTOR_HEADER]: signActorHeader({ sub: 'audra', roles, ownerRefs: [] }, spec.subgraph.signingKey) } : {},
      });
    expect((await report('json', null)).status).toBe(401);
    const viewer = await report('json', ['viewer']);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({
      message: 'Forbidden: the governance report needs the auditor or security-admin role; audra has viewer',
    });
    const json = (await (await report('json', ['auditor'])).json()) as { at: string; summary: unknown; adoption: unknown };
    expect(json).toMatchObject({
      at: AT.toISOString(),
      summary: (live.estate as { governanceSummary: object }).governanceSummary,
      adoption: (live.adoption as { adoption: unknown[] }).adoption,
    });
    const csv = await report('csv', ['auditor']);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('section,scope,item,measure,value');
    expect(lines).toContain('framework,OWASP_NHI_TOP10,NHI7,value,0.8');
    expect(lines).toContain(`adoption,${BU},,readiness,PILOT`);
    expect(lines).toContain('summary,estate,,totalIdentities,5');

    // The rebuild: an empty database, a new consumer group, the same topics from the beginning.
    rebuilt = await SubgraphUnderTest.start('metrics_rebuild', bootstrap, {
      KAFKA_TOPIC_PREFIX: spec.subgraph.topicPrefix,
      SNAPSHOT_INTERVAL_MS: '300',
    });
    const rebuiltNumbers = await waitFor(
      async () => {
        const applied = await rebuilt!.sql<{ n: string }>('SELECT count(*) AS n FROM inbox_events');
        const expected = await spec.subgraph.sql<{ n: string }>('SELECT count(*) AS n FROM inbox_events');
        return applied[0].n === expected[0].n && (await everything(rebuilt!));
      },
      { what: 'the rebuild to apply every event', timeoutMs: 30_000 },
    );
    expect(rebuiltNumbers).toEqual(live);
  });
});
