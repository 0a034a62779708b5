import type { SubgraphSpec } from '@nhi/testing';

export interface Report {
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
  received: number;
  rejectedCount: number;
  rejected: Array<{ index: number; externalId: string | null; name: string | null; reason: string }>;
  warningCount: number;
  warnings: Array<{ index: number | null; externalId: string | null; name: string | null; message: string }>;
}

export interface IngestOptions {
  fullSnapshot?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

const INGEST = `
  mutation Ingest($input: IngestIdentitiesInput!) {
    ingestIdentities(input: $input) { received created updated unchanged stale rejectedCount rejected { index externalId name reason }
      warningCount warnings { index externalId name message } }
  }`;

export interface IdentityView {
  id: string;
  kind: string;
  sourceKind: string | null;
  name: string;
  provider: string;
  externalId: string;
  environment: string;
  environmentInferred: boolean;
  status: string;
  privilegeLevel: string | null;
  system: string | null;
  credentialFingerprint: string | null;
  expiresAt: string | null;
  tags: Array<{ key: string; value: string }>;
  sightings: Array<{ source: string }>;
  findings: Array<{ category: string; code: string; severity: string; closedAt: string | null }>;
}

const IDENTITY = `
  query($provider: String!, $externalId: String!) {
    identityByExternalId(provider: $provider, externalId: $externalId) {
      id kind sourceKind name provider externalId environment environmentInferred status privilegeLevel system credentialFingerprint expiresAt
      tags { key value } sightings { source } findings { category code severity closedAt }
    }
  }`;

/** Thin helpers over the inventory's GraphQL API for its integration tests. */
export class InventoryClient {
  /** Takes the spec, not its subgraph: a client is made at the top of a file, before beforeAll has started the service. */
  constructor(private readonly spec: Pick<SubgraphSpec, 'subgraph'>) {}

  private get inventory() {
    return this.spec.subgraph;
  }

  async ingest(source: string, identities: unknown[], options: IngestOptions = {}): Promise<Report> {
    const result = await this.tryIngest(source, identities, options);
    if (!result.data) throw new Error(`ingest failed: ${JSON.stringify(result.errors)}`);
    return result.data.ingestIdentities;
  }

  /** The raw answer, errors included: for refusals. */
  tryIngest(source: string, identities: unknown[], options: IngestOptions = {}) {
    return this.inventory.query<{ ingestIdentities: Report }>(INGEST, { input: { source, identities, ...options } });
  }

  async identity(provider: string, externalId: string): Promise<IdentityView | null> {
    const result = await this.inventory.query<{ identityByExternalId: IdentityView | null }>(IDENTITY, { provider, externalId });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data?.identityByExternalId ?? null;
  }

  /** Event types in the outbox for one identity, oldest first. */
  /** The identity's own events, in order; audit records that name it (keyed by it too) are not among them. */
  async eventTypes(identityId: string): Promise<string[]> {
    const rows = await this.inventory.sql<{ type: string }>(
      `SELECT payload->>'type' AS type FROM outbox_events WHERE message_key = $1 AND topic NOT LIKE '%nhi.audit.events.v1' ORDER BY seq`,
      [identityId],
    );
    return rows.map((r) => r.type);
  }
}
