import type { ImportFormat, ImportInput, ImportItem, ImportRow } from '../../import-row';
import { isObject, type JsonObject } from '../shared/fields';
import { isFault, readRecords, type FileValue } from '../shared/records';
import { ROW_BOUNDS, boundScopes, boundTags, compactRow, type Tag } from '../shared/row-bounds';
import { RbacIndex, keysOfServiceAccount, serviceAccountKey, type Grant, type TokenSecret } from './rbac-index';
import { isRbacKind, metaOf, type ObjectMeta } from './rbac-objects';

export interface K8sRbacOptions {
  /**
   * The cluster's name, put before every externalId (`prod-eu/namespaces/…`).
   * Identities are keyed by provider and externalId across all sources, so two
   * clusters' `default/default` accounts stay apart only with it.
   */
  cluster?: string;
}

/** Annotations that name an owner (after any `prefix/`): owner, team, contact, part-of, managed-by, Helm's release-name … */
const OWNER_ANNOTATION = /^(owners?|team|contact|maintainers?|part-of|managed-by|created-by|cost-?center|business-?unit|release-name)$/i;

const kindAt = (record: FileValue, kind: string): string => `${record.location} (${kind})`;

/**
 * Kubernetes ServiceAccounts with what RBAC grants them, from `kubectl get
 * serviceaccounts,roles,clusterroles,rolebindings,clusterrolebindings,secrets
 * -A -o json` (a List) or from YAML manifests (`---` separated), in any number of
 * files. Two passes over the files: roles, bindings and token Secrets first,
 * then one row per ServiceAccount, streamed.
 */
export function createK8sRbacFormat(options: K8sRbacOptions = {}): ImportFormat {
  const prefix = options.cluster?.trim() ? `${options.cluster.trim()}/` : '';
  return {
    name: 'k8s-rbac',
    summary: 'Kubernetes ServiceAccounts and their RBAC grants: kubectl get … -A -o json, or YAML manifests',
    convert: (inputs) => convert(inputs, prefix),
  };
}

export const k8sRbacFormat: ImportFormat = createK8sRbacFormat();

async function* convert(inputs: readonly ImportInput[], prefix: string): AsyncGenerator<ImportItem> {
  const index = new RbacIndex();
  for (const input of inputs) {
    for await (const record of readRecords(input, ['items'])) {
      if (isFault(record)) {
        yield { problem: record.fault };
        continue;
      }
      yield* indexRecord(index, record);
    }
  }
  const { grants, problems } = index.resolve();
  yield* problems.map((problem) => ({ problem }));
  const seen = new Set<string>();
  for (const input of inputs) {
    for await (const record of readRecords(input, ['items'])) {
      if (isFault(record) || !isObject(record.value) || record.value['kind'] !== 'ServiceAccount') continue;
      yield* serviceAccountItems(record.value, kindAt(record, 'ServiceAccount'), { prefix, grants, tokens: index.tokens, seen });
    }
  }
  yield* orphanTokens(index.tokens, seen);
}

function* indexRecord(index: RbacIndex, record: FileValue): Generator<ImportItem> {
  const item = record.value;
  if (!isObject(item)) {
    yield { problem: { location: record.location, problem: 'is not an object; skipped' } };
    return;
  }
  const kind = item['kind'];
  if (kind === 'List' || !isRbacKind(kind) || kind === 'ServiceAccount') return;
  yield* index.add(kind, item, kindAt(record, kind)).map((problem) => ({ problem }));
}

interface AccountContext {
  prefix: string;
  grants: ReadonlyMap<string, Grant[]>;
  tokens: ReadonlyMap<string, TokenSecret[]>;
  seen: Set<string>;
}

function* serviceAccountItems(item: JsonObject, location: string, context: AccountContext): Generator<ImportItem> {
  const meta = metaOf(item, true);
  if (!meta) {
    yield { problem: { location, problem: 'has no metadata.name; skipped' } };
    return;
  }
  const key = serviceAccountKey(meta.namespace, meta.name);
  if (context.seen.has(key)) return;
  context.seen.add(key);
  const externalId = `${context.prefix}namespaces/${meta.namespace}/serviceaccounts/${meta.name}`;
  if (externalId.length > ROW_BOUNDS.externalId) {
    yield { problem: { location, problem: `its externalId would be longer than ${ROW_BOUNDS.externalId} characters; skipped` } };
    return;
  }
  const grants = keysOfServiceAccount(meta.namespace, meta.name).flatMap((grantKey) => context.grants.get(grantKey) ?? []);
  const automount = item['automountServiceAccountToken'];
  const scopeLines = [
    ...grants.map((grant) => grant.scope),
    ...(typeof automount === 'boolean' ? [`automountServiceAccountToken: ${automount}`] : []),
  ];
  const scopes = boundScopes(scopeLines, location);
  const tags = boundTags(tagsOf(meta), location);
  yield* [...scopes.problems, ...tags.problems].map((problem) => ({ problem }));
  const row: ImportRow = {
    provider: 'kubernetes',
    externalId,
    kind: 'serviceaccount',
    name: `${meta.namespace}/${meta.name}`,
    createdAt: meta.createdAt,
    scopes: scopes.scopes,
    tags: tags.tags,
    credentials: (context.tokens.get(key) ?? []).map((token) => ({
      type: 'TOKEN' as const,
      externalId: token.name,
      status: token.invalid ? ('INACTIVE' as const) : ('ACTIVE' as const),
      createdAt: token.createdAt,
      lastUsedAt: token.lastUsedAt,
    })),
    permissions: grants.flatMap((grant) => grant.statements),
  };
  yield { row: compactRow(row) };
}

/** Every label, then the annotations that name an owner (never last-applied-configuration and the like). */
function tagsOf(meta: ObjectMeta): Tag[] {
  const owners = meta.annotations.filter(([key]) => OWNER_ANNOTATION.test(key.slice(key.lastIndexOf('/') + 1)));
  return [...meta.labels, ...owners].map(([key, value]) => ({ key, value }));
}

function* orphanTokens(tokens: ReadonlyMap<string, TokenSecret[]>, seen: ReadonlySet<string>): Generator<ImportItem> {
  for (const [key, secrets] of tokens) {
    if (seen.has(key)) continue;
    for (const secret of secrets) {
      yield {
        problem: {
          location: secret.location,
          problem: 'a service-account token for a ServiceAccount that is not in the export; not imported',
        },
      };
    }
  }
}
