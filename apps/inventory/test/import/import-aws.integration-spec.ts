import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { REPOSITORY_ROOT, subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const keys = generateDevKeys();
const keysDir = mkdtempSync(path.join(tmpdir(), 'import-keys-'));
writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
// One missed full snapshot makes an identity STALE here, so a dry run can show it.
const inventory = subgraphSpec('import_aws', bootstrap, { env: { DEV_KEYS_DIR: keysDir, STALE_AFTER_SNAPSHOTS: '1' } });

const FIXTURES = path.join(REPOSITORY_ROOT, 'libs/importers/fixtures/aws');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const ACCOUNT = 'arn:aws:iam::123456789012';
const token = (sources: string[]) =>
  mintDevToken(keys.privateKeyPem, { sub: 'importer-bot', roles: ['integrator'], sources, issuer: 'nhi-dev', audience: 'nhi-platform' });

async function upload(
  source: string,
  format: string,
  body: Buffer,
  query = '',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${inventory.subgraph.url}/ingest/${source}?format=${format}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${await token([source])}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Imported {
  privilege: { level: string; reasons: Array<{ rule: string; evidence: string }> } | null;
  trustedPrincipals: string[] | null;
  credentials: Array<{ type: string; externalId: string; status: string }>;
  findings: Array<{ category: string; code: string; subject: string | null; evidence: string[] }>;
}

async function imported(externalId: string): Promise<Imported> {
  const { data } = await inventory.subgraph.query<{ identityByExternalId: Imported }>(
    `query($e: String!) { identityByExternalId(provider: "aws", externalId: $e) {
       privilege { level reasons { rule evidence } } trustedPrincipals
       credentials { type externalId status } findings { category code subject evidence } } }`,
    { e: externalId },
  );
  if (!data) throw new Error('the identity query returned no data');
  return data.identityByExternalId;
}

const codes = (identity: Imported) => identity.findings.map((f) => `${f.category}:${f.code}${f.subject ? `:${f.subject}` : ''}`).sort();

describe('importing AWS exports through POST /ingest/{source}?format=', () => {
  it('rates privilege from the effective permissions, with the rule and its evidence', async () => {
    const result = await upload('aws-prod', 'aws-gaad', fixture('gaad.json'));
    expect(result).toMatchObject({ status: 200, body: { created: 11, rejectedCount: 0 } });

    const ciDeployer = await imported(`${ACCOUNT}:user/service/ci-deployer`);
    expect(ciDeployer.privilege?.level).toBe('ADMIN');
    expect(ciDeployer.privilege?.reasons).toEqual(
      expect.arrayContaining([{ rule: 'aws.privilege-escalation', evidence: expect.stringContaining('iam:AttachUserPolicy') }]),
    );
    expect((await imported(`${ACCOUNT}:user/service/key-rotator`)).privilege?.reasons).toEqual(
      expect.arrayContaining([{ rule: 'aws.privilege-escalation', evidence: expect.stringContaining('iam:CreateAccessKey') }]),
    );
    // Known only by its ARN: judged by the shipped table, never by the letters of its name.
    const ec2 = await imported(`${ACCOUNT}:role/EC2role`);
    expect(ec2.privilege?.reasons.map((r) => r.rule)).toContain('aws.managed-policy');
    expect(ec2.privilege?.reasons).toEqual(
      expect.arrayContaining([{ rule: 'aws.managed-policy', evidence: expect.stringContaining('AmazonSSMManagedInstanceCore') }]),
    );
  });

  it('finds what the data holds: unused roles and admins, open and foreign trust, and no credential age for roles', async () => {
    const breakGlass = await imported(`${ACCOUNT}:role/break-glass-admin`);
    expect(breakGlass.privilege?.level).toBe('ADMIN');
    expect(codes(breakGlass)).toEqual(['NHI1:UNUSED_ADMIN', 'NHI5:ADMIN_OR_WILDCARD_SCOPES']);
    // Last used in 2019; it may rewrite managed policies (iam:CreatePolicyVersion), so it is an unused admin.
    expect(codes(await imported(`${ACCOUNT}:role/legacy-etl`))).toContain('NHI1:UNUSED_ADMIN');
    expect(codes(await imported(`${ACCOUNT}:role/public-assume`))).toContain('NHI6:TRUST_OPEN_TO_ANYONE');
    const vendor = await imported(`${ACCOUNT}:role/vendor-audit`);
    expect(codes(vendor)).toContain('NHI3:TRUST_FOREIGN_ACCOUNT');
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identity_findings WHERE category = 'NHI7'")).toEqual([{ n: 0 }]);
  });

  it('merges the credential report into the same users by ARN: keys, passwords and their findings, each named', async () => {
    const result = await upload('aws-prod-keys', 'aws-credential-report', fixture('credential-report.csv'));
    expect(result).toMatchObject({ status: 200, body: { rejectedCount: 0 } });
    expect(result.body['created']).toBeLessThan(result.body['received'] as number);

    const bob = await imported(`${ACCOUNT}:user/Bob`);
    expect(bob.credentials).toEqual(
      expect.arrayContaining([
        { type: 'ACCESS_KEY', externalId: 'access_key_1', status: 'ACTIVE' },
        { type: 'PASSWORD', externalId: 'password', status: 'ACTIVE' },
      ]),
    );
    expect(codes(bob)).toEqual(
      expect.arrayContaining(['NHI7:KEY_NOT_ROTATED:access key access_key_1', 'NHI10:CONSOLE_PASSWORD:password password']),
    );
    expect(bob.findings.find((f) => f.code === 'KEY_NOT_ROTATED')?.evidence).toEqual(['last rotated 2023-01-05']);
  });

  it('changes nothing and emits nothing when the same export comes again; a dry run says what a full snapshot would mark STALE', async () => {
    // Every upload leaves its audit record; nothing else may be emitted.
    const events = async () =>
      (
        await inventory.subgraph.sql<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'type' <> 'nhi.audit.recorded'",
        )
      )[0]?.n;
    const before = await events();
    expect((await upload('aws-prod', 'aws-gaad', fixture('gaad.json'))).body).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
    expect(await events()).toBe(before);

    const onePage = fixture('gaad-pages.ndjson').toString().split('\n')[0] ?? '';
    const dry = await upload('aws-prod', 'aws-gaad', Buffer.from(onePage), '&dryRun=true&fullSnapshot=true&force=true');
    expect(dry.body).toMatchObject({ dryRun: true, fullSnapshot: true });
    expect(dry.body['stale']).toBeGreaterThan(0);
    expect(await inventory.subgraph.sql("SELECT count(*)::int AS n FROM identities WHERE status = 'STALE'")).toEqual([{ n: 0 }]);
    expect(await events()).toBe(before);
  });

  it('refuses an unknown format with the list of formats, never quoting it', async () => {
    const result = await upload('aws-prod', 'sk_live_not-a-format', Buffer.from('{}'));
    expect(result.status).toBe(400);
    expect(result.body['message']).toMatch(/unknown import format; the formats are aws-gaad, aws-credential-report/);
    expect(JSON.stringify(result.body)).not.toContain('sk_live');
  });

  it('imports with the command line as a user runs it, printing the report', async () => {
    const run = promisify(execFile);
    const cli = path.join(REPOSITORY_ROOT, 'tools/importer/src/cli.ts');
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', cli, 'aws-gaad', path.join(FIXTURES, 'gaad-url-encoded.json'), '--source', 'aws-cli', '--dry-run'],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, NHI_TOKEN: await token(['aws-cli']), INVENTORY_BASE_URL: inventory.subgraph.url } },
    );
    expect(stdout).toContain('DRY RUN: nothing was changed.');
    expect(stdout).toMatch(/^11 rows sent$/m);
    // The same principals as gaad.json, its documents URL-encoded as the raw API sends them: nothing new.
    expect(stdout).toMatch(/^ +11 {2}unchanged$/m);
  });
});
