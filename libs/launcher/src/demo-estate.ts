import { generateEstate } from '@nhi/estate-generator';
import { graphql } from './graphql-client';

const INGEST = `
  mutation Ingest($input: IngestIdentitiesInput!) {
    ingestIdentities(input: $input) { created updated unchanged rejectedCount }
  }`;

export interface DemoSummary {
  identities: number;
  rows: number;
  rejected: number;
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

/** Loads the demo estate through the public API, source by source, as connectors would. Safe to run twice. */
export async function seedDemoEstate(gatewayUrl: string, token: string): Promise<DemoSummary> {
  const bySource = new Map<string, Array<Record<string, unknown>>>();
  for (const { source, row } of generateEstate({ ...DEMO_ESTATE_OPTIONS, now: new Date() })) {
    bySource.set(source, [...(bySource.get(source) ?? []), row]);
  }
  const summary: DemoSummary = { identities: DEMO_ESTATE_OPTIONS.size, rows: 0, rejected: 0 };
  for (const [source, identities] of bySource) {
    const { ingestIdentities } = await graphql<{ ingestIdentities: { rejectedCount: number } }>(gatewayUrl, token, INGEST, {
      input: { source, identities },
    });
    summary.rows += identities.length;
    summary.rejected += ingestIdentities.rejectedCount;
  }
  return summary;
}
