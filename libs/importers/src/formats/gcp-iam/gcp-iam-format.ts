import type { ImportFormat, ImportInput, ImportItem, ImportRow } from '../../import-row';
import { fileNameOf } from '../shared/inputs';
import { isFault, readRecords } from '../shared/records';
import { ROW_BOUNDS, boundName, boundScopes, compactRow } from '../shared/row-bounds';
import { GcpIamIndex } from './gcp-iam-index';
import { classify, type ServiceAccount } from './gcp-records';

/**
 * GCP service accounts from gcloud's JSON (or YAML): `gcloud iam
 * service-accounts list`, `gcloud iam service-accounts keys list
 * --iam-account=…`, `gcloud projects get-iam-policy …` and `gcloud iam
 * service-accounts get-iam-policy …`, any number of files in any order, each
 * told by its shape. Keys and policies are read first; then one row per account.
 */
export const gcpIamFormat: ImportFormat = {
  name: 'gcp-iam',
  summary:
    'GCP service accounts, their user-managed keys and IAM bindings: gcloud iam service-accounts list/keys list, get-iam-policy (JSON or YAML)',
  convert,
};

async function* convert(inputs: readonly ImportInput[]): AsyncGenerator<ImportItem> {
  const index = new GcpIamIndex();
  for (const input of inputs) {
    for await (const record of readRecords(input)) {
      if (isFault(record)) {
        yield { problem: record.fault };
        continue;
      }
      const found = classify(record.value);
      if (found.type === 'key') yield* index.addKey(found.email, found.key, record.location).map((problem) => ({ problem }));
      if (found.type === 'policy') {
        yield* index.addPolicy(found.resource, found.policy, record.location, fileNameOf(input)).map((problem) => ({ problem }));
      }
      if (found.type === 'keyFile') {
        yield {
          problem: {
            location: record.location,
            problem:
              'is a service account key file, with private key material: not read (pass `gcloud iam service-accounts keys list` output instead)',
          },
        };
      }
      if (found.type === 'unknown') {
        yield {
          problem: { location: record.location, problem: 'is not a service account, a service account key or an IAM policy; skipped' },
        };
      }
    }
  }
  const seen = new Set<string>();
  for (const input of inputs) {
    for await (const record of readRecords(input)) {
      if (isFault(record)) continue;
      const found = classify(record.value);
      if (found.type !== 'serviceAccount' || seen.has(found.account.email)) continue;
      seen.add(found.account.email);
      yield* accountItems(found.account, record.location, index);
    }
  }
  yield* index.leftoverKeys().map((problem) => ({ problem }));
}

function* accountItems(account: ServiceAccount, location: string, index: GcpIamIndex): Generator<ImportItem> {
  const externalId = `projects/${account.project}/serviceAccounts/${account.email}`;
  if (externalId.length > ROW_BOUNDS.externalId) {
    yield { problem: { location, problem: `its externalId would be longer than ${ROW_BOUNDS.externalId} characters; skipped` } };
    return;
  }
  const { credentials, grants, trustedPrincipals } = index.take(account);
  const scopes = boundScopes(
    grants.map((grant) => grant.scope),
    location,
  );
  yield* scopes.problems.map((problem) => ({ problem }));
  const row: ImportRow = {
    provider: 'gcp',
    externalId,
    kind: 'gcp service account',
    name: boundName(account.displayName ?? account.email),
    scopes: scopes.scopes,
    tags: account.disabled ? [{ key: 'disabled', value: 'true' }] : undefined,
    credentials,
    permissions: grants.map((grant) => grant.statement),
    trustedPrincipals,
  };
  yield { row: compactRow(row) };
}
