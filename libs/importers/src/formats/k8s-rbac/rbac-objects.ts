import { isObject, listOf, objectOf, textOf, textsOf, timeOf, type JsonObject } from '../shared/fields';

/** The kinds this format reads; any other kind in the export is passed over. */
export type RbacKind = 'ServiceAccount' | 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding' | 'Secret';

const RBAC_KINDS: readonly string[] = ['ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'Secret'];

export const isRbacKind = (kind: unknown): kind is RbacKind => typeof kind === 'string' && RBAC_KINDS.includes(kind);

/** A PolicyRule (rbac.authorization.k8s.io/v1): the core API group is the empty string. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export interface ObjectMeta {
  name: string;
  /** For namespaced kinds: metadata.namespace, `default` when a manifest leaves it out (as the API server does). */
  namespace: string;
  labels: Array<[string, string]>;
  annotations: Array<[string, string]>;
  createdAt?: string;
}

export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

const stringPairs = (value: unknown): Array<[string, string]> =>
  Object.entries(objectOf(value)).flatMap(([key, item]) => (typeof item === 'string' ? [[key, item] as [string, string]] : []));

/** The object's metadata, or null without a name. Cluster-scoped kinds get namespace ''. */
export function metaOf(item: JsonObject, namespaced: boolean): ObjectMeta | null {
  const metadata = objectOf(item['metadata']);
  const name = textOf(metadata['name']);
  if (!name) return null;
  return {
    name,
    namespace: namespaced ? (textOf(metadata['namespace']) ?? 'default') : '',
    labels: stringPairs(metadata['labels']),
    annotations: stringPairs(metadata['annotations']),
    createdAt: timeOf(metadata['creationTimestamp']),
  };
}

/** The rules of a Role or ClusterRole; a rule that is not an object is left out. `''` (the core group) is kept. */
export function rulesOf(value: unknown): PolicyRule[] {
  return listOf(value)
    .filter(isObject)
    .map((rule) => ({
      apiGroups: listOf(rule['apiGroups']).filter((group): group is string => typeof group === 'string'),
      resources: textsOf(rule['resources']),
      verbs: textsOf(rule['verbs']),
      resourceNames: textsOf(rule['resourceNames']),
      nonResourceURLs: textsOf(rule['nonResourceURLs']),
    }));
}

export function roleRefOf(item: JsonObject): RoleRef | null {
  const ref = objectOf(item['roleRef']);
  const kind = ref['kind'];
  const name = textOf(ref['name']);
  return (kind === 'Role' || kind === 'ClusterRole') && name ? { kind, name } : null;
}

export function subjectsOf(item: JsonObject): Subject[] {
  return listOf(item['subjects'])
    .filter(isObject)
    .flatMap((subject) => {
      const kind = textOf(subject['kind']);
      const name = textOf(subject['name']);
      return kind && name ? [{ kind, name, namespace: textOf(subject['namespace']) }] : [];
    });
}

/** A ClusterRole's aggregationRule selectors (matchLabels and matchExpressions), or null when it has none. */
export interface LabelSelector {
  matchLabels: Array<[string, string]>;
  matchExpressions: Array<{ key: string; operator: string; values: string[] }>;
}

export function aggregationOf(item: JsonObject): LabelSelector[] | null {
  if (!isObject(item['aggregationRule'])) return null;
  return listOf(item['aggregationRule']['clusterRoleSelectors'])
    .filter(isObject)
    .map((selector) => ({
      matchLabels: stringPairs(selector['matchLabels']),
      matchExpressions: listOf(selector['matchExpressions'])
        .filter(isObject)
        .map((expression) => ({
          key: textOf(expression['key']) ?? '',
          operator: textOf(expression['operator']) ?? '',
          values: textsOf(expression['values']),
        })),
    }));
}

/** Whether labels satisfy a selector (every matchLabels pair and every In, NotIn, Exists, DoesNotExist expression). */
export function selects(selector: LabelSelector, labels: ReadonlyMap<string, string>): boolean {
  const pairs = selector.matchLabels.every(([key, value]) => labels.get(key) === value);
  return (
    pairs &&
    selector.matchExpressions.every(({ key, operator, values }) => {
      const value = labels.get(key);
      if (operator === 'In') return value !== undefined && values.includes(value);
      if (operator === 'NotIn') return value === undefined || !values.includes(value);
      if (operator === 'Exists') return value !== undefined;
      if (operator === 'DoesNotExist') return value === undefined;
      return false;
    })
  );
}
