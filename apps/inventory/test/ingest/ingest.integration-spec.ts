import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('ingest', bootstrap, {
  // The staleness case leaves out 1 of 2 identities; the full-snapshot guard has its own spec (snapshot-guard).
  env: { STALE_AFTER_SNAPSHOTS: '2', INGEST_CHUNK_SIZE: '3', SNAPSHOT_MAX_STALE_SHARE: '0.5' },
  tap: [TOPICS.inventoryEvents],
});
const client = new InventoryClient(inventory);

/** Events about identities; every mutation also leaves an audit record (nhi.audit.recorded), which is not one. */
const COUNT_STATE_EVENTS = "SELECT count(*) FROM outbox_events WHERE payload->>'type' <> 'nhi.audit.recorded'";

let n = 0;
const unique = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;

describe('normalise and publish', () => {
  it('maps source vocabulary to canonical values and publishes nhi.identity.discovered keyed by id', async () => {
    const externalId = unique('ARN:aws:iam::1:role/Payments');
    const report = await client.ingest('AWS-Config', [
      { provider: 'Amazon Web Services', externalId, kind: 'svc-account', name: '  payments   reader-prd ', scopes: ['s3:GetObject'] },
    ]);

    expect(report).toMatchObject({ received: 1, created: 1, updated: 0, unchanged: 0, rejectedCount: 0 });
    const identity = await client.identity('aws', externalId.toLowerCase());
    expect(identity).toMatchObject({
      provider: 'aws',
      kind: 'SERVICE_ACCOUNT',
      name: 'payments reader-prd',
      environment: 'PRODUCTION',
      environmentInferred: true,
      // A scope names no resource, so s3:GetObject is read as on every object: a broad data read (docs/privilege-model.md).
      privilegeLevel: 'HIGH',
      sightings: [{ source: 'aws-config' }],
    });
    const message = await waitFor(() => inventory.tap.messages.find((m) => m.key === identity!.id), {
      what: 'the discovered event on Kafka',
    });
    expect(message.headers['content-type']).toContain('application/cloudevents+json');
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'nhi.identity.discovered',
      subject: identity!.id,
      data: { source: 'aws-config', identity: { id: identity!.id, environment: 'PRODUCTION', environmentInferred: true } },
    });
  });
});

describe('dedupe and merge', () => {
  it('makes one identity with two sightings from two sources, and an updated event that says what changed', async () => {
    const externalId = unique('deploy-bot');
    await client.ingest('github-audit', [
      { provider: 'github', externalId, kind: 'PAT', name: 'deploy bot', tags: [{ key: 'team', value: 'platform' }] },
    ]);
    const second = await client.ingest('vault', [
      {
        provider: 'GH',
        externalId: ` ${externalId.toUpperCase()} `,
        kind: 'access token',
        name: 'deploy bot',
        system: 'ci',
        environment: 'prod',
      },
    ]);

    expect(second).toMatchObject({ created: 0, updated: 1 });
    const identity = await client.identity('github', externalId);
    expect(identity?.sightings.map((s) => s.source).sort()).toEqual(['github-audit', 'vault']);
    expect(identity).toMatchObject({ system: 'ci', environment: 'PRODUCTION', tags: [{ key: 'team', value: 'platform' }] });
    const [updated] = await inventory.subgraph.sql<{ payload: { data: { changes: Array<{ field: string }> } } }>(
      `SELECT payload FROM outbox_events WHERE message_key = $1 AND payload->>'type' = 'nhi.identity.updated'`,
      [identity!.id],
    );
    expect(updated?.payload.data.changes.map((c) => c.field)).toEqual(['environment', 'system']);
  });

  it('emits nothing when the same snapshot comes again', async () => {
    const rows = [1, 2, 3, 4].map((i) => ({
      provider: 'gcp',
      externalId: unique(`sa-${i}`),
      kind: 'service account',
      name: `sa ${i}`,
      environment: 'dev',
    }));
    await client.ingest('gcp-assets', rows);
    const before = await inventory.subgraph.sql<{ count: string }>(COUNT_STATE_EVENTS);

    const again = await client.ingest('gcp-assets', rows);

    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await inventory.subgraph.sql<{ count: string }>(COUNT_STATE_EVENTS)).toEqual(before);
  });
});

describe('bad rows', () => {
  it('rejects a row carrying a secret, names the field, stores nothing secret, and imports the rest', async () => {
    const good = unique('good');
    const token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    const report = await client.ingest('scanner-x', [
      { provider: 'github', externalId: good, kind: 'pat', name: 'fine' },
      { provider: 'github', externalId: unique('leaky'), kind: 'pat', name: `token ${token}` },
      { provider: 'github', externalId: unique('bad-date'), kind: 'pat', name: 'y', createdAt: 'last tuesday' },
    ]);

    expect(report).toMatchObject({ received: 3, created: 1, rejectedCount: 2 });
    expect(report.rejected.map((r) => [r.index, r.reason.split(';')[0]])).toEqual([
      [1, 'name looks like a GitHub token (its checksum does not match)'],
      [2, 'createdAt is not a valid date-time (use RFC 3339, e.g. 2026-01-31T12:00:00Z)'],
    ]);
    expect(JSON.stringify(report)).not.toContain(token);
    const stored = await inventory.subgraph.sql<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM identities WHERE name LIKE '%ghp_%') OR EXISTS (SELECT 1 FROM outbox_events WHERE payload::text LIKE '%ghp_16C7%') AS found`,
    );
    expect(stored).toEqual([{ found: false }]);
    expect(await client.identity('github', good)).not.toBeNull();
  });

  it('reports without writing on a dry run', async () => {
    const externalId = unique('dry');
    const events = await inventory.subgraph.sql<{ count: string }>(COUNT_STATE_EVENTS);

    const report = await client.ingest(
      'dry-source',
      [
        { provider: 'aws', externalId, kind: 'role', name: 'r' },
        { provider: ' ', externalId: 'x', kind: 'role', name: 'blank provider' },
      ],
      { dryRun: true },
    );

    expect(report).toMatchObject({ received: 2, created: 1, rejectedCount: 1 });
    expect(await client.identity('aws', externalId)).toBeNull();
    expect(await inventory.subgraph.sql<{ count: string }>(COUNT_STATE_EVENTS)).toEqual(events);
  });
});

describe('unknown kinds', () => {
  const oidc = (externalId: string, kind: string) => ({ provider: 'aws', externalId, kind, name: 'github actions oidc' });

  it('publishes OTHER with the source word, finds no expiry on it, and lets a later known word replace it', async () => {
    const externalId = unique('arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com');
    const first = await client.ingest('aws-config', [oidc(externalId, 'AWS::IAM::OIDCProvider')]);

    expect(first).toMatchObject({ created: 1, rejectedCount: 0, warningCount: 1, warnings: [{ index: 0, externalId }] });
    const identity = await client.identity('aws', externalId);
    expect(identity).toMatchObject({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });
    // Nothing says what it is: taken for a credential, it should expire (identity-rules.ts).
    expect(identity?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'NHI7', code: 'NO_EXPIRY' })]));
    const message = await waitFor(() => inventory.tap.messages.find((m) => m.key === identity!.id), {
      what: 'the discovered event on Kafka',
    });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      data: { identity: { kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' } },
    });

    expect(await client.ingest('cmdb', [oidc(externalId, 'IAM Role')])).toMatchObject({ updated: 1, warningCount: 0 });
    expect(await client.identity('aws', externalId)).toMatchObject({ kind: 'SERVICE_ACCOUNT', sourceKind: null });
  });

  it('never lets an unknown word replace a known kind, though it still warns', async () => {
    const externalId = unique('arn:aws:iam::1:role/ci');
    await client.ingest('cmdb', [oidc(externalId, 'IAM Role')]);

    const again = await client.ingest('aws-config', [oidc(externalId, 'AWS::IAM::SomethingNew')]);

    expect(again).toMatchObject({ updated: 0, unchanged: 1, warningCount: 1 });
    expect(await client.identity('aws', externalId)).toMatchObject({ kind: 'SERVICE_ACCOUNT', sourceKind: null });
  });
});

describe('staleness', () => {
  it('marks an identity STALE after it is missing from two full snapshots, and ACTIVE when it returns', async () => {
    const kept = { provider: 'azure', externalId: unique('kept'), kind: 'managed identity', name: 'kept', environment: 'prod' };
    const gone = { provider: 'azure', externalId: unique('gone'), kind: 'managed identity', name: 'gone', environment: 'prod' };

    await client.ingest('entra-snapshot', [kept, gone], { fullSnapshot: true });
    expect(await client.ingest('entra-snapshot', [kept], { fullSnapshot: true })).toMatchObject({ stale: 0 });
    expect((await client.identity('azure', gone.externalId))?.status).toBe('ACTIVE');
    expect(await client.ingest('entra-snapshot', [kept], { fullSnapshot: true })).toMatchObject({ stale: 1 });
    const stale = await client.identity('azure', gone.externalId);
    expect(stale?.status).toBe('STALE');
    expect(await client.eventTypes(stale!.id)).toContain('nhi.identity.stale');

    expect(await client.ingest('entra-snapshot', [kept, gone], { fullSnapshot: true })).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await client.identity('azure', gone.externalId))?.status).toBe('ACTIVE');
  });
});

describe('classification and findings', () => {
  const fp = (label: string) => `sha256:${Buffer.from(unique(label).padEnd(24, 'x')).toString('base64url')}`;

  it('opens NHI7 for a key without expiry and closes it when an expiry is reported', async () => {
    const key = { provider: 'stripe', externalId: unique('key'), kind: 'api key', name: 'billing key', environment: 'prod' };
    await client.ingest('stripe-export', [key]);
    const identity = await client.identity('stripe', key.externalId);
    expect(identity?.findings).toEqual([{ category: 'NHI7', code: 'NO_EXPIRY', severity: 'HIGH', closedAt: null }]);

    await client.ingest('stripe-export', [{ ...key, expiresAt: '2027-06-01T00:00:00Z' }]);

    expect((await client.identity('stripe', key.externalId))?.findings).toEqual([]);
    expect(await client.eventTypes(identity!.id)).toEqual([
      'nhi.identity.discovered',
      'nhi.finding.opened',
      'nhi.identity.updated',
      'nhi.finding.closed',
    ]);
  });

  it('finds one credential in production and development (NHI8) and on two systems (NHI9)', async () => {
    const shared = fp('shared');
    await client.ingest('vault', [
      {
        provider: 'vault',
        externalId: unique('kv/prod'),
        kind: 'secret',
        name: 'db',
        environment: 'prod',
        system: 'billing',
        credentialFingerprint: shared,
        expiresAt: '2027-01-01T00:00:00Z',
      },
      {
        provider: 'vault',
        externalId: unique('kv/dev'),
        kind: 'secret',
        name: 'db',
        environment: 'dev',
        system: 'reporting',
        credentialFingerprint: shared,
        expiresAt: '2027-01-01T00:00:00Z',
      },
    ]);

    const rows = await inventory.subgraph.sql<{ code: string }>(
      `SELECT f.code FROM identity_findings f JOIN identities i ON i.id = f.identity_id WHERE i.credential_fingerprint = $1 AND f.closed_at IS NULL ORDER BY f.code`,
      [shared],
    );
    expect(rows.map((r) => r.code)).toEqual([
      'REUSED_ACROSS_SYSTEMS',
      'REUSED_ACROSS_SYSTEMS',
      'SHARED_ACROSS_ENVIRONMENTS',
      'SHARED_ACROSS_ENVIRONMENTS',
    ]);
  });

  it('sees a credential shared across environments when two connectors report its holders at the same time', async () => {
    const fingerprints = Array.from({ length: 24 }, (_, i) => fp(`concurrent-${i}`));
    const holders = (environment: string) =>
      fingerprints.map((credentialFingerprint) => ({
        provider: 'vault',
        externalId: unique(`kv/${environment}`),
        kind: 'secret',
        name: 'db',
        environment,
        credentialFingerprint,
        expiresAt: '2027-01-01T00:00:00Z',
      }));

    await Promise.all([client.ingest('vault', holders('prod')), client.ingest('vault-dr', holders('dev'))]);

    const rows = await inventory.subgraph.sql<{ holders: number; flagged: number }>(
      `SELECT count(DISTINCT i.id)::int AS holders, count(DISTINCT f.identity_id)::int AS flagged
       FROM identities i LEFT JOIN identity_findings f
         ON f.identity_id = i.id AND f.code = 'SHARED_ACROSS_ENVIRONMENTS' AND f.closed_at IS NULL
       WHERE i.credential_fingerprint = ANY($1::text[])`,
      [fingerprints],
    );
    expect(rows).toEqual([{ holders: 48, flagged: 48 }]);
  });

  it('flags admin scopes (NHI5) and a credential a leak scanner reported (NHI2)', async () => {
    const leaked = fp('leaked');
    const role = {
      provider: 'aws',
      externalId: unique('admin-role'),
      kind: 'role',
      name: 'ops',
      environment: 'prod',
      scopes: ['AdministratorAccess'],
      credentialFingerprint: leaked,
    };
    await client.ingest('aws-config', [role]);
    await client.ingest('gitguardian', [
      { provider: 'aws', externalId: unique('leak-report'), kind: 'access key', name: 'found in repo', credentialFingerprint: leaked },
    ]);

    const identity = await client.identity('aws', role.externalId);
    expect(identity?.privilegeLevel).toBe('ADMIN');
    expect(identity?.findings.map((f) => `${f.category}:${f.code}`).sort()).toEqual(['NHI2:LEAKED', 'NHI5:ADMIN_OR_WILDCARD_SCOPES']);
  });
});
