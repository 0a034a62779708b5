import { randomUUID } from 'node:crypto';
import { createEvent, type EventDataByType, type EventType, type NhiEvent } from '@nhi/contracts';
import { identityDiscoveredData, identitySnapshot, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('metrics', bootstrap);

const SUMMARY = `
  query($bu: String) {
    governanceSummary(businessUnit: $bu) { totalIdentities byKind { key count } byEnvironment { key count } byProvider { key count } asOf }
  }`;

interface Summary {
  governanceSummary: { totalIdentities: number; byKind: unknown[]; byEnvironment: unknown[]; byProvider: unknown[]; asOf: string };
}

describe('governanceSummary', () => {
  it('counts identities from events only, each once, overall and per business unit', async () => {
    const payments1 = identityDiscoveredData(
      {
        businessUnit: 'Payments',
        kind: 'API_KEY',
        provider: 'aws',
      },
      '2026-11-01T10:00:00.000Z',
    );
    const payments2 = identityDiscoveredData(
      {
        businessUnit: 'Payments',
        kind: 'SERVICE_ACCOUNT',
        provider: 'gcp',
      },
      '2026-11-02T10:00:00.000Z',
    );
    const data = identityDiscoveredData(
      {
        businessUnit: 'Data',
        kind: 'SERVICE_ACCOUNT',
        environment: 'STAGING',
      },
      '2026-11-03T10:00:00.000Z',
    );
    const first = await spec.subgraph.publish('nhi.identity.discovered', payments1);
    await spec.subgraph.publish('nhi.identity.discovered', payments2);
    await spec.subgraph.publish('nhi.identity.discovered', data);
    await spec.subgraph.redeliver(first);

    const all = await waitFor(
      async () => {
        const result = await spec.subgraph.query<Summary>(SUMMARY);
        return result.data?.governanceSummary.totalIdentities === 3 && result.data.governanceSummary;
      },
      { what: 'metrics to count three identities' },
    );
    await waitFor(
      async () =>
        Number(await spec.subgraph.kafka.committedOffset(spec.subgraph.groupId, spec.subgraph.topic('nhi.inventory.events.v1'), 0)) >= 4,
      { what: 'all four deliveries to be committed' },
    );

    expect(all).toEqual({
      totalIdentities: 3,
      byKind: [
        { key: 'SERVICE_ACCOUNT', count: 2 },
        { key: 'API_KEY', count: 1 },
      ],
      byEnvironment: [
        { key: 'PRODUCTION', count: 2 },
        { key: 'STAGING', count: 1 },
      ],
      byProvider: [
        { key: 'aws', count: 2 },
        { key: 'gcp', count: 1 },
      ],
      asOf: '2026-11-03T10:00:00.000Z',
    });
    const payments = await spec.subgraph.query<Summary>(SUMMARY, { bu: 'Payments' });
    expect(payments.data?.governanceSummary).toMatchObject({ totalIdentities: 2, asOf: '2026-11-02T10:00:00.000Z' });
    // The redelivered event did not count twice, even after everything was committed.
    expect((await spec.subgraph.query<Summary>(SUMMARY)).data?.governanceSummary.totalIdentities).toBe(3);
  });
});

describe('a run of events about one identity', () => {
  const event = <T extends EventType>(type: T, subject: string, data: EventDataByType[T]): NhiEvent<T> =>
    createEvent({ source: 'inventory', type, subject, data });
  const RUN_SUMMARY = `query($bu: String) { governanceSummary(businessUnit: $bu) { totalIdentities findingsByCategory { category count } } }`;
  interface RunSummary {
    governanceSummary: { totalIdentities: number; findingsByCategory: Array<{ category: string; count: number }> };
  }
  const openFindings = (summary: RunSummary | undefined) => summary?.governanceSummary.findingsByCategory.reduce((n, c) => n + c.count, 0);

  it('is applied in one go as one event at a time would: a repeat skipped, an older event not undoing a newer one', async () => {
    const discovered = identityDiscoveredData({ businessUnit: 'Run-A', kind: 'API_KEY' }, '2026-10-01T00:00:00.000Z');
    const id = discovered.identity.id;
    const finding = { identityId: id, findingId: randomUUID(), category: 'NHI7' as const, code: 'CREDENTIAL_TOO_OLD' };
    const first = event('nhi.identity.discovered', id, discovered);
    const moved = identitySnapshot({ ...discovered.identity, businessUnit: 'Run-B' });
    await spec.subgraph.publishRun([
      first,
      event('nhi.finding.opened', id, { ...finding, severity: 'MEDIUM', detail: 'old', detectedAt: '2026-10-02T00:00:00.000Z' }),
      first,
      event('nhi.identity.updated', id, {
        identity: moved,
        changes: [{ field: 'businessUnit', previous: 'Run-A', current: 'Run-B' }],
        source: 'aws-config',
        updatedAt: '2026-10-05T00:00:00.000Z',
      }),
      event('nhi.identity.stale', id, {
        id,
        lastSeenAt: '2026-10-01T00:00:00.000Z',
        staleAt: '2026-10-03T00:00:00.000Z',
        missedSnapshots: 2,
      }),
    ]);

    const runB = await waitFor(
      async () => {
        const summary = (await spec.subgraph.query<RunSummary>(RUN_SUMMARY, { bu: 'Run-B' })).data;
        return summary?.governanceSummary.totalIdentities === 1 && summary;
      },
      { what: 'the identity to be counted under Run-B' },
    );
    expect(openFindings(runB)).toBe(1);
    expect((await spec.subgraph.query<RunSummary>(RUN_SUMMARY, { bu: 'Run-A' })).data?.governanceSummary.totalIdentities).toBe(0);
    const [row] = await spec.subgraph.sql<{ status: string; updated_at: Date }>(
      'SELECT status, updated_at FROM identity_facts WHERE identity_id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'ACTIVE', updated_at: new Date('2026-10-05T00:00:00.000Z') });
    const history = await spec.subgraph.sql<{ attribute: string; value: string }>(
      'SELECT attribute, value FROM state_history WHERE identity_id = $1 ORDER BY seq',
      [id],
    );
    expect(history.map((h) => `${h.attribute}=${h.value}`)).toEqual([
      'live=1',
      'business_unit=Run-A',
      `finding:${finding.findingId}=1`,
      'business_unit=Run-B',
    ]);

    await spec.subgraph.publishRun([
      event('nhi.finding.closed', id, { ...finding, closedAt: '2026-10-06T00:00:00.000Z' }),
      event('nhi.identity.decommissioned', id, {
        id,
        reason: 'gone',
        decommissionedBy: 'alice',
        decommissionedAt: '2026-10-07T00:00:00.000Z',
      }),
      event('nhi.identity.stale', id, {
        id,
        lastSeenAt: '2026-10-01T00:00:00.000Z',
        staleAt: '2026-10-04T00:00:00.000Z',
        missedSnapshots: 3,
      }),
    ]);
    await waitFor(
      async () => (await spec.subgraph.query<RunSummary>(RUN_SUMMARY, { bu: 'Run-B' })).data?.governanceSummary.totalIdentities === 0,
      { what: 'the decommissioned identity to leave the count' },
    );
    const [after] = await spec.subgraph.sql<{ status: string }>('SELECT status FROM identity_facts WHERE identity_id = $1', [id]);
    expect(after?.status).toBe('DECOMMISSIONED');
    const [closed] = await spec.subgraph.sql<{ closed_at: Date }>('SELECT closed_at FROM finding_facts WHERE finding_id = $1', [
      finding.findingId,
    ]);
    expect(closed?.closed_at).toEqual(new Date('2026-10-06T00:00:00.000Z'));
  });
});

describe('an identity of an unknown kind', () => {
  it('is counted under OTHER', async () => {
    const other = identityDiscoveredData({ businessUnit: 'Unclassified', kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });

    await spec.subgraph.publish('nhi.identity.discovered', other);

    const summary = await waitFor(
      async () => {
        const result = await spec.subgraph.query<Summary>(SUMMARY, { bu: 'Unclassified' });
        return result.data?.governanceSummary.totalIdentities === 1 && result.data.governanceSummary;
      },
      { what: 'metrics to count the OTHER identity' },
    );
    expect(summary.byKind).toEqual([{ key: 'OTHER', count: 1 }]);
  });
});

describe('events metrics cannot apply', () => {
  it('parks them, visible and counted, and goes on with the rest', async () => {
    const unknownType = {
      specversion: '1.0',
      id: '00000000-0000-4000-8000-00000000beef',
      source: '/nhi/inventory',
      type: 'nhi.identity.teleported',
      subject: '00000000-0000-4000-8000-000000000001',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: {},
    };
    await spec.subgraph.kafka.produce(spec.subgraph.topic('nhi.inventory.events.v1'), {
      key: 'teleported',
      value: JSON.stringify(unknownType),
    });
    await spec.subgraph.kafka.produce(spec.subgraph.topic('nhi.inventory.events.v1'), { key: 'garbage', value: 'not an event' });
    const after = identityDiscoveredData({ businessUnit: 'After-Parking' });
    await spec.subgraph.publish('nhi.identity.discovered', after);

    const parked = await waitFor(
      async () => {
        const result = await spec.subgraph.query<{
          parkedEvents: {
            total: number;
            byType: Array<{ key: string; count: number }>;
            latest: Array<{ eventType: string | null; errorType: string }>;
          };
        }>('{ parkedEvents(first: 10) { total byType { key count } latest { eventType errorType } } }');
        return result.data?.parkedEvents.total === 2 && result.data.parkedEvents;
      },
      { what: 'both messages to be parked' },
    );
    expect(parked.byType).toEqual([
      { key: 'nhi.identity.teleported', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(parked.latest.map((event) => event.errorType)).toEqual(['ContractViolationError', 'ContractViolationError']);
    await waitFor(
      async () => (await spec.subgraph.query<Summary>(SUMMARY, { bu: 'After-Parking' })).data?.governanceSummary.totalIdentities === 1,
      { what: 'the event after the parked ones to be applied' },
    );
  });
});

describe('GET /metrics', () => {
  it('exports events applied and parked per topic, failed attempts and the consumer lag for Prometheus', async () => {
    const inventoryTopic = spec.subgraph.topic('nhi.inventory.events.v1');
    const scrape = async () => {
      const response = await fetch(`${new URL(spec.subgraph.url).origin}/metrics`);
      expect(response.headers.get('content-type')).toContain('text/plain');
      return response.text();
    };
    const text = await waitFor(
      async () => {
        const body = await scrape();
        return /nhi_consumer_lag\{topic="[^"]+",partition="\d+"\} 0/.test(body) && body;
      },
      { what: 'a scrape with the consumer caught up' },
    );
    expect(text).toMatch(
      new RegExp(`nhi_consumer_events_total\\{topic="${inventoryTopic.replace(/\./g, '\\.')}",outcome="applied"\\} [1-9]`),
    );
    expect(text).toMatch(
      new RegExp(`nhi_consumer_events_total\\{topic="${inventoryTopic.replace(/\./g, '\\.')}",outcome="dead-lettered"\\} 2`),
    );
    expect(text).toContain('nhi_parked_events 2');
    expect(text).toContain('nhi_process_cpu_seconds_total');
  });
});
