import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  /** Principals imported from the AWS example exports (the importers' fixtures). */
  imported: number;
}

/**
 * Exports the importers read, from their fixtures (built on AWS's documented
 * examples): an account's users and roles with their policies, then the
 * credential report with their keys and passwords, so the demo shows
 * credentials, privilege reasons and findings with evidence.
 */
const DEMO_EXPORTS = [
  { source: 'demo-aws-iam', format: 'aws-gaad', file: 'libs/importers/fixtures/aws/gaad.json' },
  { source: 'demo-aws-keys', format: 'aws-credential-report', file: 'libs/importers/fixtures/aws/credential-report.csv' },
];

/** Posts the demo exports to inventory's POST /ingest/{source}?format=, as a connector sending a raw export would. */
async function importDemoExports(root: string, inventoryUrl: string, token: string): Promise<number> {
  let imported = 0;
  for (const { source, format, file } of DEMO_EXPORTS) {
    const response = await fetch(`${inventoryUrl}/ingest/${source}?format=${format}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: readFileSync(path.join(root, file)),
    });
    const report = (await response.json()) as { received?: number; message?: string };
    if (!response.ok)
      throw new Error(`importing the demo ${format} export failed (HTTP ${response.status}): ${report.message ?? 'no message'}`);
    imported += report.received ?? 0;
  }
  return imported;
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

/** Loads the demo estate through the public API, source by source, as connectors would, and the demo exports. Safe to run twice. */
export async function seedDemoEstate(
  gatewayUrl: string,
  token: string,
  exports?: { root: string; inventoryUrl: string },
): Promise<DemoSummary> {
  const bySource = new Map<string, Array<Record<string, unknown>>>([['demo-secret-manager', demoSecrets()]]);
  for (const { source, row } of generateEstate({ ...DEMO_ESTATE_OPTIONS, now: new Date() })) {
    bySource.set(source, [...(bySource.get(source) ?? []), row]);
  }
  const summary: DemoSummary = {
    identities: DEMO_ESTATE_OPTIONS.size + demoSecrets().length,
    rows: 0,
    rejected: 0,
    warned: 0,
    imported: 0,
  };
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
  if (exports) summary.imported = await importDemoExports(exports.root, exports.inventoryUrl, token);
  return summary;
}
