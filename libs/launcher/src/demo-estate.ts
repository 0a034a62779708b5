import { generateEstate } from '@nhi/estate-generator';
import { graphql } from './graphql-client';

const INGEST = `
  mutation Ingest($input: IngestIdentitiesInput!) {
    ingestIdentities(input: $input) { created updated unchanged rejectedCount warningCount }
  }`;

export interface DemoSummary {
  identities: number;
  rows: number;
  rejected: number;
  /** Rows taken with a warning: a kind word no vocabulary knows, kept as OTHER. */
  warned: number;
}

/** The demo estate: small, generated with a fixed seed, with overlaps, shared credentials and a few bad rows. */
export const DEMO_ESTATE_OPTIONS = {
  size: 60,
  seed: 2026,
  badRowShare: 0.05,
  overlapShare: 0.25,
  sharedFingerprintShare: 0.08,
  leakShare: 0.05,
};

/**
 * Secrets held by the simulated secret manager (provider `demo`), which the
 * reference integrator started with the platform rotates and revokes: try
 * requestRotation on one of them.
 */
function demoSecrets(): Array<Record<string, unknown>> {
  return ['billing-db', 'payments-api', 'reporting-etl', 'search-indexer', 'checkout-webhook'].map((name, i) => ({
    provider: 'demo',
    externalId: `secret/${name}`,
    kind: 'secret',
    name: `${name} credential`,
    environment: i % 2 === 0 ? 'production' : 'staging',
    system: name.split('-')[0],
    businessUnit: 'Demo',
    createdAt: new Date(Date.now() - (30 + 20 * i) * 86_400_000).toISOString(),
  }));
}

/** Loads the demo estate through the public API, source by source, as connectors would. Safe to run twice. */
export async function seedDemoEstate(gatewayUrl: string, token: string): Promise<DemoSummary> {
  const bySource = new Map<string, Array<Record<string, unknown>>>([['demo-secret-manager', demoSecrets()]]);
  for (const { source, row } of generateEstate({ ...DEMO_ESTATE_OPTIONS, now: new Date() })) {
    bySource.set(source, [...(bySource.get(source) ?? []), row]);
  }
  const summary: DemoSummary = { identities: DEMO_ESTATE_OPTIONS.size + demoSecrets().length, rows: 0, rejected: 0, warned: 0 };
  for (const [source, identities] of bySource) {
    const { ingestIdentities } = await graphql<{ ingestIdentities: { rejectedCount: number; warningCount: number } }>(
      gatewayUrl,
      token,
      INGEST,
      { input: { source, identities } },
    );
    summary.rows += identities.length;
    summary.rejected += ingestIdentities.rejectedCount;
    summary.warned += ingestIdentities.warningCount;
    // Each generated row of an unknown kind names an identity of its own (an externalId ending in -bad).
    summary.identities += ingestIdentities.warningCount;
  }
  return summary;
}
