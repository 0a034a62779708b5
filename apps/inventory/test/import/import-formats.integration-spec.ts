import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { REPOSITORY_ROOT, subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const keys = generateDevKeys();
const keysDir = mkdtempSync(path.join(tmpdir(), 'import-keys-'));
writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
const inventory = subgraphSpec('import_formats', bootstrap, { env: { DEV_KEYS_DIR: keysDir } });
const FIXTURES = path.join(REPOSITORY_ROOT, 'libs/importers/fixtures');

const token = (source: string) =>
  mintDevToken(keys.privateKeyPem, {
    sub: 'importer-bot',
    roles: ['integrator'],
    sources: [source],
    issuer: 'nhi-dev',
    audience: 'nhi-platform',
  });

/** Every file of a fixture folder (or the ones named) as a multipart file part, named as the export's files are. */
async function uploadFolder(
  source: string,
  format: string,
  folder: string,
  query = '',
  only?: string[],
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const name of only ?? readdirSync(path.join(FIXTURES, folder))) {
    form.append('export', new Blob([readFileSync(path.join(FIXTURES, folder, name))]), name);
  }
  const response = await fetch(`${inventory.subgraph.url}/ingest/${source}?format=${format}${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(source)}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Imported {
  privilege: { level: string; reasons: Array<{ rule: string; evidence: string }> } | null;
  trustedPrincipals: string[] | null;
  credentials: Array<{ type: string; status: string }>;
  findings: Array<{ code: string; subject: string | null }>;
}

async function imported(provider: string, externalId: string): Promise<Imported> {
  const { data } = await inventory.subgraph.query<{ identityByExternalId: Imported | null }>(
    `query($p: String!, $e: String!) { identityByExternalId(provider: $p, externalId: $e) {
       privilege { level reasons { rule evidence } } trustedPrincipals credentials { type status } findings { code subject } } }`,
    { p: provider, e: externalId },
  );
  if (!data?.identityByExternalId) throw new Error('the identity was not imported');
  return data.identityByExternalId;
}

const rules = (identity: Imported) => identity.privilege?.reasons.map((r) => r.rule) ?? [];

describe('importing Kubernetes, GCP, Azure and GitHub exports through POST /ingest/{source}?format=', () => {
  it('k8s-rbac: a service account bound to cluster-admin is ADMIN with the binding as evidence; what cannot be resolved is reported by place', async () => {
    const result = await uploadFolder('k8s-prod', 'k8s-rbac', 'k8s', '&cluster=prod', ['cluster.json']);
    expect(result).toMatchObject({ status: 200, body: { created: 4, rejectedCount: 2 } });
    expect((result.body['rejected'] as Array<{ reason: string }>).map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cluster\.json: items\[18\] \(RoleBinding\): roleRef names a ClusterRole/)]),
    );
    const ciDeployer = await imported('kubernetes', 'prod/namespaces/ops/serviceaccounts/ci-deployer');
    expect(ciDeployer.privilege?.level).toBe('ADMIN');
    expect(rules(ciDeployer)).toContain('k8s.cluster-admin');
    expect(ciDeployer.findings.map((f) => f.code)).toContain('CLUSTER_ADMIN_BINDING');
    expect((await imported('kubernetes', 'prod/namespaces/default/serviceaccounts/build-robot')).credentials).toEqual([
      { type: 'TOKEN', status: 'ACTIVE' },
    ]);
  });

  it('gcp-iam: the service-account list, its keys and the policies together; an owner is ADMIN and holds its user-managed keys', async () => {
    const result = await uploadFolder('gcp-my-project', 'gcp-iam', 'gcp');
    expect(result).toMatchObject({ status: 200, body: { created: 4, rejectedCount: 0 } });
    const deployer = await imported('gcp', 'projects/my-project/serviceAccounts/deployer@my-project.iam.gserviceaccount.com');
    expect(deployer.privilege?.level).toBe('ADMIN');
    expect(rules(deployer)).toContain('gcp.owner');
    expect(deployer.credentials.map((c) => `${c.type}:${c.status}`).sort()).toEqual([
      'SERVICE_ACCOUNT_KEY:ACTIVE',
      'SERVICE_ACCOUNT_KEY:INACTIVE',
    ]);
    expect(deployer.trustedPrincipals).toHaveLength(3);
  });

  it('azure-sp: service principals with their client secrets and certificates, managed identities with their role assignments', async () => {
    const result = await uploadFolder('azure-tenant', 'azure-sp', 'azure');
    expect(result).toMatchObject({ status: 200, body: { created: 6 } });
    const contributor = await imported('azure', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(contributor.privilege?.level).toBe('HIGH');
    expect(rules(contributor)).toContain('azure.contributor');
    expect((await imported('azure', '3f8e6b2a-5c4d-4e3f-8a9b-0c1d2e3f4a5b')).credentials.map((c) => c.type).sort()).toEqual([
      'CERTIFICATE',
      'CLIENT_SECRET',
      'CLIENT_SECRET',
    ]);
  });

  it('github-org: an app with administration rights is ADMIN; a deploy key with write access is HIGH and holds its SSH key', async () => {
    const result = await uploadFolder('github-octo-org', 'github-org', 'github');
    expect(result.body['rejected']).toEqual([]);
    expect(result).toMatchObject({ status: 200, body: { created: 7, rejectedCount: 0 } });
    const admin = await imported('github', 'installations/31415');
    expect(admin.privilege?.level).toBe('ADMIN');
    expect(rules(admin)).toContain('github.admin');
    const writeKey = await imported('github', 'repos/octocat/Hello-World/keys/2');
    expect(rules(writeKey)).toContain('github.deploy-key-write');
    expect(writeKey.credentials).toEqual([{ type: 'SSH_KEY', status: 'ACTIVE' }]);
  });

  it('refuses a cluster name for another format, and a malformed one, without quoting it', async () => {
    const other = await uploadFolder('github-octo-org', 'github-org', 'github', '&cluster=prod');
    expect(other).toMatchObject({ status: 400, body: { message: 'cluster applies to the k8s-rbac format only' } });
    const bad = await uploadFolder('k8s-prod', 'k8s-rbac', 'k8s', '&cluster=Bad%20Name%21', ['cluster.json']);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('Bad');
  });
});
