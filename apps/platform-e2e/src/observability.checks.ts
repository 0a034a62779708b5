import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { postGraphQL, SUBGRAPH_NAMES } from '@nhi/launcher';
import { ROOT, type E2ePlatform } from './support/e2e-platform';
import { isExposed, metricNamesIn, parseScrape, type FamilyType, type ParsedScrape, type Sample } from './observability-names';

const SERVICES = ['gateway', ...SUBGRAPH_NAMES, 'reference-integrator'];
const DASHBOARD = path.join(ROOT, 'infra/observability/grafana-dashboard.json');
const ALERTS = path.join(ROOT, 'infra/observability/prometheus-alerts.yml');

interface Scrape extends ParsedScrape {
  contentType: string | null;
}

interface AlertRule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: { severity?: unknown };
  annotations?: Record<string, unknown>;
}

async function scrape(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type'), ...parseScrape(await response.text()) };
}

/** Every sample of the series `name` whose labels include `labels`. */
function seriesOf(scrape: Scrape, name: string, labels: Record<string, string> = {}): Sample[] {
  return scrape.samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
}

/** The value of the first such sample, or undefined. */
function valueOf(scrape: Scrape, name: string, labels: Record<string, string> = {}): number | undefined {
  return seriesOf(scrape, name, labels)[0]?.value;
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: Array<{ targets?: Array<{ expr: string }> }>;
    templating: { list: Array<{ definition?: string }> };
  };
  const targets = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  // label_values(metric, label) is Grafana's, not PromQL: its metric counts all the same.
  const variables = dashboard.templating.list.flatMap((v) => /^label_values\((\w+)/.exec(v.definition ?? '')?.[1] ?? []);
  return [...targets, ...variables];
}

function alertRules(): AlertRule[] {
  const document = parseYaml(readFileSync(ALERTS, 'utf8')) as { groups?: Array<{ name?: unknown; rules?: AlertRule[] }> };
  expect(document.groups?.length).toBeGreaterThan(0);
  for (const group of document.groups ?? []) {
    expect(typeof group.name).toBe('string');
    expect(group.rules?.length).toBeGreaterThan(0);
  }
  return (document.groups ?? []).flatMap((group) => group.rules ?? []);
}

type Of = (service: string) => Scrape;

function expectEveryServiceNamed(of: Of): void {
  for (const service of SERVICES) {
    expect([service, of(service).contentType]).toEqual([service, expect.stringContaining('text/plain')]);
    expect([service, valueOf(of(service), 'nhi_service_info', { service })]).toEqual([service, 1]);
    expect([service, valueOf(of(service), 'nhi_process_cpu_seconds_total')]).toEqual([service, expect.any(Number)]);
  }
}

function expectOperationsCounted(of: Of): void {
  const probe = { operation: 'ObservabilityProbe', type: 'query' };
  expect(valueOf(of('gateway'), 'nhi_graphql_operation_duration_seconds_count', probe)).toBeGreaterThanOrEqual(1);
  expect(valueOf(of('metrics'), 'nhi_graphql_operation_duration_seconds_count', probe)).toBeGreaterThanOrEqual(1);
  // A document that never validated keeps no name of its own: a client cannot mint series.
  const invalid = { operation: 'other', code: 'GRAPHQL_VALIDATION_FAILED' };
  expect(valueOf(of('gateway'), 'nhi_graphql_operation_errors_total', invalid)).toBeGreaterThanOrEqual(1);
  const names = seriesOf(of('gateway'), 'nhi_graphql_operation_duration_seconds_count').map((s) => s.labels.operation);
  expect(names).not.toContain('ObservabilityBroken');
  expect(valueOf(of('gateway'), 'nhi_http_request_duration_seconds_count', { route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);
}

function expectSubgraphFigures(of: Of): void {
  for (const service of SUBGRAPH_NAMES) {
    const gauges = ['nhi_outbox_backlog', 'nhi_outbox_oldest_unsent_age_seconds', 'nhi_parked_events', 'nhi_db_pool_connections'];
    const figures = gauges.map((name) => [service, name, valueOf(of(service), name)]);
    expect(figures).toEqual(gauges.map((name) => [service, name, expect.any(Number)]));
    for (const [, , value] of figures) expect(value).toBeGreaterThanOrEqual(0);
    expect([service, valueOf(of(service), 'nhi_consumer_running')]).toEqual([service, 1]);
    expect(valueOf(of(service), 'nhi_db_pool_max_connections')).toBeGreaterThanOrEqual(
      valueOf(of(service), 'nhi_db_pool_connections') ?? 0,
    );
  }
  const lag = seriesOf(of('metrics'), 'nhi_consumer_lag');
  expect(lag.length).toBeGreaterThan(0);
  for (const series of lag) expect(series.value).toBeGreaterThanOrEqual(0);
  expect(valueOf(of('inventory'), 'nhi_outbox_published_events_total', { type: 'nhi.identity.discovered' })).toBeGreaterThanOrEqual(1);
}

function expectOutcomesCounted(of: Of): void {
  const completed = { action: 'rotation', outcome: 'completed' };
  expect(valueOf(of('lifecycle'), 'nhi_credential_requests_total', completed)).toBeGreaterThanOrEqual(1);
  expect(valueOf(of('reference-integrator'), 'nhi_integrator_answers_total', { type: 'nhi.rotation.completed' })).toBeGreaterThanOrEqual(1);
  expect(valueOf(of('exceptions'), 'nhi_exceptions_expiring_unreviewed')).toBeGreaterThanOrEqual(0);
}

function expectOnlyExposedSeriesUsed(scrapes: Iterable<Scrape>): void {
  const exposed = new Map<string, FamilyType>();
  for (const { families } of scrapes) for (const [name, type] of families) exposed.set(name, type);
  const expressions = [...dashboardExpressions(), ...alertRules().map((rule) => String(rule.expr))];
  const used = new Set(expressions.flatMap((expression) => metricNamesIn(expression)));
  expect(used.size).toBeGreaterThan(15);
  expect([...used].filter((name) => !isExposed(name, exposed))).toEqual([]);
}

function expectAlertRulesComplete(): void {
  for (const rule of alertRules()) {
    expect(rule).toMatchObject({
      alert: expect.stringMatching(/^Nhi[A-Za-z]+$/),
      expr: expect.any(String),
      for: expect.stringMatching(/^\d+[smh]$/),
      labels: { severity: expect.stringMatching(/^(critical|warning|info)$/) },
      annotations: {
        summary: expect.any(String),
        description: expect.any(String),
        runbook: expect.any(String),
        runbook_url: expect.stringMatching(/^docs\/operations\.md#/),
      },
    });
  }
}

/** A named query and one that does not validate, then every service's /metrics, read at once. */
async function probeAndScrape(e2e: E2ePlatform): Promise<Map<string, Scrape>> {
  const token = await e2e.token({ sub: 'e2e-observer', roles: ['security-admin'] });
  await postGraphQL(e2e.platform.gatewayUrl, token, 'query ObservabilityProbe { governanceSummary { totalIdentities } }');
  await postGraphQL(e2e.platform.gatewayUrl, token, 'query ObservabilityBroken { noSuchField }');
  const results = await Promise.all(SERVICES.map((name) => scrape(e2e.serviceUrl(name))));
  return new Map(SERVICES.map((name, i) => [name, results[i] as Scrape]));
}

/**
 * GET /metrics of the gateway, every subgraph and the reference integrator,
 * after the spec's traffic (rotations included) and a probe of our own, read
 * as Prometheus reads them; the dashboard and the alert rules select only
 * series those scrapes expose.
 */
export function describeObservability(platform: () => E2ePlatform): void {
  describe('observability: /metrics, the dashboard and the alert rules', () => {
    let scrapes = new Map<string, Scrape>();
    const of: Of = (service) => scrapes.get(service) as Scrape;

    beforeAll(async () => {
      scrapes = await probeAndScrape(platform());
    });

    it('serves the Prometheus text format from every service, each naming itself', () => expectEveryServiceNamed(of));
    it('counts GraphQL operations by name at the gateway and in the subgraph that answered, and errors by code', () =>
      expectOperationsCounted(of));
    it('reports each subgraph outbox, consumer and database pool', () => expectSubgraphFigures(of));
    it('counts rotations by outcome in lifecycle and at the integrator, and exceptions expiring undecided', () =>
      expectOutcomesCounted(of));
    it('selects in the dashboard and the alert rules only series the services expose', () => expectOnlyExposedSeriesUsed(scrapes.values()));
    it('gives every alert rule a name, an expression, a for, a severity, a summary, a description and a runbook', () =>
      expectAlertRulesComplete());
  });
}
