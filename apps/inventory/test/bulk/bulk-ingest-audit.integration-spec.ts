import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDevKeys, mintDevToken, signActorHeader } from '@nhi/auth';
import type { AuditRecordedData } from '@nhi/contracts';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

/** Every upload to POST /ingest/{source} leaves one audit record in inventory's outbox: the source, the counts, never the rows. */
const keys = generateDevKeys();
const keysDir = mkdtempSync(path.join(tmpdir(), 'bulk-audit-keys-'));
writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);

const inventory = subgraphSpec('bulk_audit', bootstrap, { env: { DEV_KEYS_DIR: keysDir } });

// A key id with its secret key: the id alone names a credential, the pair is one.
const ROW_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

async function upload(source: string, headers: Record<string, string>, query = ''): Promise<number> {
  const body = [
    JSON.stringify({ provider: 'aws', externalId: 'audit-1', kind: 'role', name: 'audited role' }),
    JSON.stringify({ provider: 'aws', externalId: 'audit-2', kind: 'role', name: `leaks AKIAIOSFODNN7EXAMPLE ${ROW_SECRET}` }),
  ].join('\n');
  const response = await fetch(`${inventory.subgraph.url}/ingest/${source}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...headers },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

function corpusSecret(format: string): string {
  const corpus = readFileSync(path.join(__dirname, '../../../../libs/secrets/corpus/secrets.ndjson'), 'utf8').split('\n');
  const sample = corpus.filter((line) => line.trim()).map((line) => JSON.parse(line) as { format: string; value: string });
  return sample.find((s) => s.format === format && /^[A-Za-z0-9_]+$/.test(s.value))!.value;
}

async function auditRecords(): Promise<AuditRecordedData[]> {
  const rows = await inventory.subgraph.sql<{ payload: { data: AuditRecordedData } }>(
    "SELECT payload FROM outbox_events WHERE payload->>'type' = 'nhi.audit.recorded' ORDER BY seq",
  );
  return rows.map((row) => row.payload.data);
}

describe('audit records of bulk ingest', () => {
  it('records an upload with its source and counts, and refused uploads, never the rows', async () => {
    const header = signActorHeader(
      { sub: 'connector', roles: ['integrator'], ownerRefs: [], sources: ['vault'] },
      inventory.subgraph.signingKey,
    );
    expect(await upload('vault', { 'x-nhi-actor': header }, '?fullSnapshot=false')).toBe(200);
    expect(await upload('vault', {})).toBe(401);
    const viewer = await mintDevToken(keys.privateKeyPem, { sub: 'val', roles: ['viewer'], issuer: 'nhi-dev', audience: 'nhi-platform' });
    expect(await upload('vault', { authorization: `Bearer ${viewer}` })).toBe(403);

    const [succeeded, unauthenticated, forbidden] = await auditRecords();
    expect(succeeded).toMatchObject({
      actor: 'connector',
      roles: ['integrator'],
      service: 'inventory',
      operation: 'bulkIngest',
      targetIds: ['vault'],
      outcome: 'SUCCEEDED',
      input: { source: 'vault', fullSnapshot: 'false', dryRun: null, contentType: 'application/x-ndjson' },
      details: {
        received: 2,
        accepted: 1,
        rejected: 1,
        warned: 0,
        created: 1,
        updated: 0,
        unchanged: 0,
        stale: 0,
        dryRun: false,
        fullSnapshot: false,
      },
    });
    expect(unauthenticated).toMatchObject({ actor: 'anonymous', outcome: 'FORBIDDEN', errorCode: 'UNAUTHENTICATED', targetIds: ['vault'] });
    expect(forbidden).toMatchObject({
      actor: 'val',
      roles: ['viewer'],
      outcome: 'FORBIDDEN',
      errorCode: 'FORBIDDEN',
      error: expect.stringMatching(/needs the integrator/),
    });
    const everything = JSON.stringify(await auditRecords());
    expect(everything).not.toContain(ROW_SECRET);
    expect(everything).not.toContain('audit-1');
  });
  it('keeps only the request parts that passed their checks: a secret in the path, the query or a header is never recorded (issue 15)', async () => {
    // A corpus GitHub token: valid checksum, and plain enough to sit in a path, a query and a header.
    const secret = corpusSecret('github-classic');
    const before = (await auditRecords()).length;
    const header = signActorHeader(
      { sub: 'connector', roles: ['integrator'], ownerRefs: [], sources: ['vault'] },
      inventory.subgraph.signingKey,
    );
    // The source fails its name pattern before anything else is judged.
    expect(await upload(secret, { 'x-nhi-actor': header })).toBe(400);
    expect(await upload('vault', { 'x-nhi-actor': header }, `?dryRun=${secret}`)).toBe(400);
    expect(await upload('vault', { 'x-nhi-actor': header, 'content-type': `application/x-ndjson; charset=${secret}` })).toBe(200);
    expect(await upload('vault', { 'x-nhi-actor': header, 'content-type': `text/${secret}` })).toBe(415);

    const [badSource, badQuery, badParameter, badType] = (await auditRecords()).slice(before);
    expect(badSource).toMatchObject({ outcome: 'REJECTED', input: { source: '(invalid)' } });
    expect(badQuery).toMatchObject({ targetIds: ['vault'], outcome: 'REJECTED', input: { dryRun: '(invalid)' } });
    expect(badParameter).toMatchObject({ outcome: 'SUCCEEDED', input: { contentType: 'application/x-ndjson' } });
    expect(badType).toMatchObject({ outcome: 'REJECTED', input: { contentType: '(invalid)' } });
    const outbox = await inventory.subgraph.sql<{ row: unknown }>('SELECT to_jsonb(o) AS row FROM outbox_events o');
    expect(JSON.stringify(outbox).toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
