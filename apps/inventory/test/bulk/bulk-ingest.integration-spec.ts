import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDevKeys, mintDevToken, Role, signActorHeader } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const keys = generateDevKeys();
const keysDir = mkdtempSync(path.join(tmpdir(), 'bulk-keys-'));
writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);

const inventory = subgraphSpec('bulk', bootstrap, { env: { DEV_KEYS_DIR: keysDir, INGEST_CHUNK_SIZE: '250' } });

/** An integrator's token names the sources it may upload for. */
const token = (role: Role, sources = ['aws-config']) =>
  mintDevToken(keys.privateKeyPem, { sub: `${role}-bot`, roles: [role], sources, issuer: 'nhi-dev', audience: 'nhi-platform' });

async function upload(
  source: string,
  body: string,
  headers: Record<string, string>,
  query = '',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${inventory.subgraph.url}/ingest/${source}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function ndjson(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ provider: 'aws', externalId: `${prefix}-${i}`, kind: 'role', name: `${prefix} role ${i}`, environment: 'prd' }),
  ).join('\n');
}

describe('POST /ingest/{source}', () => {
  it('streams NDJSON in chunks, reports bad lines by position, and imports the rest', async () => {
    const body = [
      ndjson(600, 'bulk'),
      'not json',
      JSON.stringify({ provider: 'aws', externalId: 'x', kind: 'robot', name: 'y', createdAt: 'last tuesday' }),
      ndjson(1, 'tail'),
    ].join('\n');

    const result = await upload('aws-config', body, { authorization: `Bearer ${await token('integrator')}` });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ source: 'aws-config', received: 603, created: 601, rejectedCount: 2 });
    expect(result.body['rejected']).toEqual([
      { index: 600, externalId: null, name: null, reason: 'the line is not valid JSON: send one identity object per line (NDJSON)' },
      { index: 601, externalId: 'x', name: 'y', reason: expect.stringMatching(/^createdAt is not a valid date-time/) },
    ]);
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identities WHERE external_id LIKE 'bulk-%'")).toEqual([{ n: 600 }]);
    expect(
      await inventory.subgraph.sql("SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'type' = 'nhi.identity.discovered'"),
    ).toEqual([{ n: 601 }]);
  });

  it('reports the rows of an unknown kind as the graph does: taken as OTHER, warned about by index, externalId and name', async () => {
    const odd = { provider: 'aws', externalId: 'arn:aws:iam::1:oidc-provider/bulk', kind: 'AWS::IAM::OIDCProvider', name: 'bulk oidc' };
    const body = [ndjson(2, 'odd-neighbour'), JSON.stringify(odd)].join('\n');

    const result = await upload('aws-config', body, { authorization: `Bearer ${await token('integrator')}` });

    expect(result.body).toMatchObject({ received: 3, created: 3, rejectedCount: 0, warningCount: 1 });
    expect(result.body['warnings']).toEqual([
      {
        index: 2,
        externalId: odd.externalId,
        name: odd.name,
        message: expect.stringMatching(/^kind is not known, so the row is taken as OTHER/),
      },
    ]);
    expect(JSON.stringify(result.body)).not.toContain('OIDCProvider');
    expect(await inventory.subgraph.sql('SELECT kind, source_kind FROM identities WHERE external_id = $1', [odd.externalId])).toEqual([
      { kind: 'OTHER', source_kind: 'AWS::IAM::OIDCProvider' },
    ]);
  });

  it('re-ingests an unchanged upload as unchanged, and honours dryRun', async () => {
    const body = ndjson(300, 'again');
    const auth = { authorization: `Bearer ${await token('security-admin')}` };
    await upload('aws-config', body, auth);

    expect((await upload('aws-config', body, auth)).body).toMatchObject({ created: 0, updated: 0, unchanged: 300 });
    expect((await upload('aws-config', ndjson(5, 'dry'), auth, '?dryRun=true')).body).toMatchObject({ dryRun: true, created: 5 });
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identities WHERE external_id LIKE 'dry-%'")).toEqual([{ n: 0 }]);
  });

  it('accepts the gateway-signed actor header too', async () => {
    const header = signActorHeader(
      { sub: 'connector', roles: ['integrator'], ownerRefs: [], sources: ['vault'] },
      inventory.subgraph.signingKey,
    );

    expect((await upload('vault', ndjson(2, 'signed'), { 'x-nhi-actor': header })).body).toMatchObject({ created: 2 });
  });

  it.each([
    ['no credentials', {}, 401, /Unauthenticated: missing Authorization header/],
    ['a forged token', { authorization: 'Bearer abc.def.ghi' }, 401, /Unauthenticated: token is malformed/],
  ])('refuses %s', async (_label, headers, status, message) => {
    const result = await upload('aws-config', ndjson(1, 'refused'), headers as Record<string, string>);

    expect(result.status).toBe(status);
    expect(result.body['message']).toMatch(message);
  });

  it('refuses a role that may not ingest, and a body that is not NDJSON', async () => {
    const viewer = await upload('aws-config', ndjson(1, 'viewer'), { authorization: `Bearer ${await token('viewer')}` });
    expect(viewer).toMatchObject({ status: 403, body: { message: expect.stringMatching(/needs the integrator or security-admin role/) } });

    const otherSource = await upload('okta', ndjson(1, 'not-mine'), { authorization: `Bearer ${await token('integrator')}` });
    expect(otherSource).toMatchObject({
      status: 403,
      body: { message: 'Forbidden: integrator-bot may ingest only for its own sources (aws-config), not for the one in the path' },
    });
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identities WHERE external_id LIKE 'not-mine-%'")).toEqual([
      { n: 0 },
    ]);

    const response = await fetch(`${inventory.subgraph.url}/ingest/aws-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('integrator')}` },
      body: JSON.stringify([{ provider: 'aws' }]),
    });
    expect(response.status).toBe(415);
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identities WHERE external_id LIKE 'viewer-%'")).toEqual([{ n: 0 }]);
  });

  it('reads epoch seconds and milliseconds by magnitude', async () => {
    const rows = [
      { provider: 'aws', externalId: 'epoch-s', kind: 'role', name: 'epoch seconds', createdAt: 1576696208 },
      { provider: 'aws', externalId: 'epoch-ms', kind: 'role', name: 'epoch millis', createdAt: 1576696208000 },
    ];
    const auth = { authorization: `Bearer ${await token('integrator')}` };

    expect(await upload('aws-config', rows.map((r) => JSON.stringify(r)).join('\n'), auth)).toMatchObject({ status: 200 });
    const stored = await inventory.subgraph.sql<{ created_at: Date }>(
      "SELECT created_at FROM identities WHERE provider = 'aws' AND external_id IN ('epoch-s', 'epoch-ms')",
    );
    expect(stored.map((r) => new Date(r.created_at).toISOString())).toEqual(['2019-12-18T19:10:08.000Z', '2019-12-18T19:10:08.000Z']);
  });

  it('refuses an empty full snapshot with 400 unless ?force=true', async () => {
    const auth = { authorization: `Bearer ${await token('integrator', ['emptied'])}` };

    const refused = await upload('emptied', '', auth, '?fullSnapshot=true');
    expect(refused).toMatchObject({
      status: 400,
      body: { error: 'BAD_REQUEST', message: expect.stringMatching(/^this full snapshot has no valid rows/) },
    });
    expect(await upload('emptied', '', auth, '?fullSnapshot=true&force=true')).toMatchObject({ status: 200, body: { stale: 0 } });
  });
});
