import type { ImportFormat, ImportInput, ImportItem, ImportProblem, ImportRow } from '../../import-row';
import { textOf, timeOf, type JsonObject } from '../shared/fields';
import { isFault, readRecords } from '../shared/records';
import { boundName, boundScopes, boundTags, compactRow, type Tag } from '../shared/row-bounds';
import { AzureIndex } from './azure-index';
import { classify, credentialsOf, objectId, tagsOf } from './azure-records';

/**
 * Tenants that publish Microsoft's own (first-party) applications: f8cdef31… is
 * Microsoft Services, 72f988bf… Microsoft's corporate tenant.
 */
const MICROSOFT_TENANTS = new Set(['f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47']);

/** The kind word for managed identities; the inventory maps it to WORKLOAD_IDENTITY. */
const MANAGED_IDENTITY = 'managed identity';

/** Graph pages from `az rest` hold their list under `value`. */
const STREAM_KEYS = ['value'];

/**
 * Azure service principals and managed identities: `az ad sp list --all`
 * (Microsoft Graph servicePrincipal), `az identity list`
 * (userAssignedIdentities), and optionally `az role assignment list --all` and
 * `az ad app list --all` (app registrations, whose client secrets and
 * certificates are most often there rather than on the service principal). Any
 * files, any order, told apart by shape. Identities, assignments and app
 * credentials are read first; then one row per service principal, then one per
 * user-assigned identity without a service principal in the export.
 */
export const azureSpFormat: ImportFormat = {
  name: 'azure-sp',
  summary:
    'Azure service principals and managed identities: az ad sp list --all, az identity list, az role assignment list --all, az ad app list --all',
  convert,
};

async function* convert(inputs: readonly ImportInput[]): AsyncGenerator<ImportItem> {
  const index = new AzureIndex();
  for (const input of inputs) {
    for await (const record of readRecords(input, STREAM_KEYS)) {
      if (isFault(record)) {
        yield { problem: record.fault };
        continue;
      }
      yield* firstPass(index, record.value, record.location).map((problem) => ({ problem }));
    }
  }
  const seen = new Set<string>();
  for (const input of inputs) {
    for await (const record of readRecords(input, STREAM_KEYS)) {
      if (isFault(record)) continue;
      const found = classify(record.value);
      if (found.type === 'servicePrincipal') yield* servicePrincipalItems(found.value, record.location, index, seen);
    }
  }
  for (const { value, location } of index.leftoverIdentities()) yield* identityItems(value, location, index);
  yield* index.leftoverApplications().map((problem) => ({ problem }));
}

function firstPass(index: AzureIndex, value: unknown, location: string): ImportProblem[] {
  const found = classify(value);
  switch (found.type) {
    case 'identity':
      return index.addIdentity(found.value, location);
    case 'roleAssignment':
      return index.addRoleAssignment(found.value, location);
    case 'application':
      return index.addApplication(found.value, location);
    case 'unknown':
      return [{ location, problem: 'is not a service principal, an app registration, a managed identity or a role assignment; skipped' }];
    default:
      return [];
  }
}

function* servicePrincipalItems(sp: JsonObject, location: string, index: AzureIndex, seen: Set<string>): Generator<ImportItem> {
  const id = objectId(sp['id']);
  if (!id) {
    yield { problem: { location, problem: 'a service principal without an id; skipped' } };
    return;
  }
  if (seen.has(id)) return;
  seen.add(id);
  const managed = sp['servicePrincipalType'] === 'ManagedIdentity';
  const identity = managed ? index.takeIdentity(id) : undefined;
  const appCredentials = managed ? [] : index.takeAppCredentials(objectId(sp['appId']));
  const tags: Tag[] = [
    ...tagsOf(sp['tags']),
    ...tagsOf(identity?.['tags']),
    ...(MICROSOFT_TENANTS.has(objectId(sp['appOwnerOrganizationId']) ?? '') ? [{ key: 'microsoft-first-party', value: null }] : []),
    ...(sp['accountEnabled'] === false ? [{ key: 'disabled', value: 'true' }] : []),
  ];
  yield* rowItems(
    {
      provider: 'azure',
      externalId: id,
      kind: managed ? MANAGED_IDENTITY : 'service principal',
      name: boundName(textOf(identity?.['name']) ?? textOf(sp['displayName']) ?? textOf(sp['appDisplayName']) ?? id),
      createdAt: timeOf(sp['createdDateTime']),
      // A managed identity's certificate is Azure's, rotated by the platform: not a credential anyone holds.
      credentials: managed ? [] : [...credentialsOf(sp), ...appCredentials],
    },
    tags,
    location,
    index,
  );
}

function* identityItems(identity: JsonObject, location: string, index: AzureIndex): Generator<ImportItem> {
  const id = objectId(identity['principalId']) ?? '';
  yield* rowItems(
    // A managed identity holds no secret anyone keeps: Azure issues and rotates its credential.
    { provider: 'azure', externalId: id, kind: MANAGED_IDENTITY, name: boundName(textOf(identity['name']) ?? id), credentials: [] },
    tagsOf(identity['tags']),
    location,
    index,
  );
}

/** Adds the role assignments (as permissions and scope lines) and the tags, within the row limits. */
function* rowItems(row: ImportRow, tags: Tag[], location: string, index: AzureIndex): Generator<ImportItem> {
  const grants = index.grantsOf(row.externalId);
  const scopes = boundScopes(
    grants.map((grant) => grant.scope),
    location,
  );
  const bounded = boundTags(tags, location);
  yield* [...scopes.problems, ...bounded.problems].map((problem) => ({ problem }));
  yield {
    row: compactRow({ ...row, scopes: scopes.scopes, tags: bounded.tags, permissions: grants.map((grant) => grant.statement) }),
  };
}
