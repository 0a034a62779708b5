import path from 'node:path';
import { collect, fileInput, importFormat, toIngestRow } from '@nhi/importers';
import { identityFindings } from './findings/identity-rules';
import type { IdentityState } from './identity-data/identity-state';
import { mergeSighting } from './ingest/merge-sighting';
import { normaliseRow } from './ingest/row-normaliser';
import type { RawIdentityRow } from './ingest/raw-identity-row';

const FIXTURES = path.resolve(__dirname, '../../../libs/importers/fixtures');
export const NOW = new Date('2026-12-02T00:00:00Z');
export const CONFIG = { maxCredentialAgeDays: 365, keyMaxAgeDays: 90, unusedAfterDays: 90, knownAccounts: [] as string[] };

const IMPORTS: Array<{ format: string; files: string[]; cluster?: string }> = [
  { format: 'aws-gaad', files: ['aws/gaad.json'] },
  { format: 'aws-credential-report', files: ['aws/credential-report.csv'] },
  { format: 'k8s-rbac', files: ['k8s/cluster.json', 'k8s/manifests.yaml', 'k8s/rbac-cases.yaml'], cluster: 'prod' },
  {
    format: 'gcp-iam',
    files: [
      'gcp/service-accounts.json',
      'gcp/deployer.keys.json',
      'gcp/my-project.policy.json',
      'gcp/deployer@my-project.iam.gserviceaccount.com.policy.json',
    ],
  },
  { format: 'azure-sp', files: ['azure/sp-list.json', 'azure/identities.json', 'azure/role-assignments.json', 'azure/app-list.json'] },
  {
    format: 'github-org',
    files: ['github/octo-org.installations.json', 'github/octo-org.personal-access-tokens.json', 'github/octocat__Hello-World.keys.json'],
  },
];

/** What the table names of each principal: its level, the rules behind it, its credentials and its findings. */
export interface Judged {
  level: string | null;
  rules: string[];
  credentials: string[];
  findings: string[];
}

/** Every fixture through the converters, the row checks, the merge and the finding rules, as an ingest does, keyed by provider and externalId. */
export async function judgeFixtures(): Promise<Map<string, Judged>> {
  const states = new Map<string, IdentityState>();
  for (const { format, files, cluster } of IMPORTS) {
    const { rows } = await collect(
      importFormat(format, cluster ? { cluster } : {}).convert(files.map((f) => fileInput(path.join(FIXTURES, f)))),
    );
    for (const row of rows) {
      const result = normaliseRow(toIngestRow(row) as RawIdentityRow, NOW);
      if (!result.ok) throw new Error(`${format}: a row was rejected: ${result.field}: ${result.reason}`);
      const key = `${result.row.provider} ${result.row.externalId}`;
      states.set(key, mergeSighting(states.get(key) ?? null, result.row, key, NOW).state);
    }
  }
  return new Map(
    [...states].map(([key, state]) => [
      key,
      {
        level: state.privilegeLevel,
        rules: [...new Set(state.privilegeReasons.map((r) => r.rule))].sort(),
        credentials: (state.credentials ?? []).map((c) => `${c.type} ${c.externalId} ${c.status}`),
        findings: identityFindings(state, NOW, CONFIG)
          .map((f) => `${f.code}${f.subject ? ` (${f.subject})` : ''}`)
          .sort(),
      },
    ]),
  );
}
