import type { PermissionStatement } from '@nhi/privilege';
import type { ImportProblem } from '../../import-row';
import { objectOf, textOf, type JsonObject } from '../shared/fields';
import { DEFAULT_CLUSTER_ROLES, type ClusterRoleDefinition } from './default-cluster-roles';
import {
  aggregationOf,
  metaOf,
  roleRefOf,
  rulesOf,
  selects,
  subjectsOf,
  type PolicyRule,
  type RoleRef,
  type Subject,
} from './rbac-objects';
import { ruleStatement } from './rbac-statements';

/** What one binding grants a subject: the statements, and a scope line a reader can scan. */
export interface Grant {
  scope: string;
  statements: PermissionStatement[];
}

/** A legacy service-account token Secret: its name and times, never its data. */
export interface TokenSecret {
  name: string;
  createdAt?: string;
  lastUsedAt?: string;
  invalid: boolean;
  location: string;
}

interface Binding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace: string;
  roleRef: RoleRef;
  subjects: Subject[];
  location: string;
}

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const LAST_USED_LABEL = 'kubernetes.io/legacy-token-last-used';
const INVALID_SINCE_LABEL = 'kubernetes.io/legacy-token-invalid-since';

/** Subject keys: a ServiceAccount, or one of the groups every ServiceAccount (of a namespace) is in. */
export const serviceAccountKey = (namespace: string, name: string): string => `sa:${namespace}/${name}`;
const groupKey = (name: string): string => `group:${name}`;
const SA_GROUPS = /^system:(serviceaccounts(:[^:]+)?|authenticated)$/;
const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** The subject keys whose grants a ServiceAccount has. */
export const keysOfServiceAccount = (namespace: string, name: string): string[] => [
  serviceAccountKey(namespace, name),
  groupKey('system:serviceaccounts'),
  groupKey(`system:serviceaccounts:${namespace}`),
  groupKey('system:authenticated'),
];

/**
 * Everything of an RBAC export but the ServiceAccounts (the first pass): roles,
 * bindings and token Secrets, small next to the accounts. resolve() then turns
 * each binding into grants per subject.
 */
export class RbacIndex {
  private readonly roles = new Map<string, PolicyRule[]>();
  private readonly clusterRoles = new Map<string, ClusterRoleDefinition>();
  private readonly bindings: Binding[] = [];
  readonly tokens = new Map<string, TokenSecret[]>();

  /** Takes one object of a kind other than ServiceAccount; returns what was wrong with it. */
  add(kind: string, item: JsonObject, location: string): ImportProblem[] {
    const namespaced = kind !== 'ClusterRole' && kind !== 'ClusterRoleBinding';
    const meta = metaOf(item, namespaced);
    if (!meta) return [{ location, problem: 'has no metadata.name; skipped' }];
    if (kind === 'Role') this.roles.set(`${meta.namespace}/${meta.name}`, rulesOf(item['rules']));
    if (kind === 'ClusterRole') {
      this.clusterRoles.set(meta.name, {
        name: meta.name,
        labels: meta.labels,
        rules: rulesOf(item['rules']),
        aggregation: aggregationOf(item),
      });
    }
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') return this.addBinding(kind, meta.name, meta.namespace, item, location);
    if (kind === 'Secret') return this.addSecret(item, meta, location);
    return [];
  }

  private addBinding(kind: Binding['kind'], name: string, namespace: string, item: JsonObject, location: string): ImportProblem[] {
    const roleRef = roleRefOf(item);
    if (!roleRef || (kind === 'ClusterRoleBinding' && roleRef.kind === 'Role')) {
      return [
        { location, problem: `roleRef is missing or is not a ${kind === 'RoleBinding' ? 'Role or ClusterRole' : 'ClusterRole'}; skipped` },
      ];
    }
    this.bindings.push({ kind, name, namespace, roleRef, subjects: subjectsOf(item), location });
    return [];
  }

  private addSecret(item: JsonObject, meta: NonNullable<ReturnType<typeof metaOf>>, location: string): ImportProblem[] {
    if (item['type'] !== SA_TOKEN_TYPE) return [];
    const account = textOf(objectOf(objectOf(item['metadata'])['annotations'])['kubernetes.io/service-account.name']);
    if (!account)
      return [{ location, problem: 'a service-account token Secret without the kubernetes.io/service-account.name annotation; skipped' }];
    const labels = new Map(meta.labels);
    const lastUsed = labels.get(LAST_USED_LABEL);
    const token: TokenSecret = {
      name: meta.name,
      createdAt: meta.createdAt,
      lastUsedAt: lastUsed && /^\d{4}-\d{2}-\d{2}$/.test(lastUsed) ? `${lastUsed}T00:00:00.000Z` : undefined,
      invalid: labels.has(INVALID_SINCE_LABEL),
      location,
    };
    const key = serviceAccountKey(meta.namespace, account);
    this.tokens.set(key, [...(this.tokens.get(key) ?? []), token]);
    return [];
  }

  /** Grants per subject key, and a problem for each binding whose role is nowhere to be found. */
  resolve(): { grants: Map<string, Grant[]>; problems: ImportProblem[] } {
    const grants = new Map<string, Grant[]>();
    const problems: ImportProblem[] = [];
    for (const binding of this.bindings) {
      const grant = this.grantOf(binding);
      if (!grant) {
        problems.push({ location: binding.location, problem: this.missingRole(binding.roleRef) });
        continue;
      }
      for (const key of this.subjectKeys(binding, problems)) grants.set(key, [...(grants.get(key) ?? []), grant]);
    }
    return { grants, problems };
  }

  private missingRole(ref: RoleRef): string {
    return ref.kind === 'Role'
      ? 'roleRef names a Role that is not in the export (in the binding namespace); its grants are not imported'
      : 'roleRef names a ClusterRole that is neither in the export nor a default role; its grants are not imported';
  }

  private grantOf(binding: Binding): Grant | null {
    const { roleRef } = binding;
    const rules =
      roleRef.kind === 'Role' ? this.roles.get(`${binding.namespace}/${roleRef.name}`) : this.clusterRoleRules(roleRef.name, new Set());
    if (!rules) return null;
    const shipped = roleRef.kind === 'ClusterRole' && !this.clusterRoles.has(roleRef.name) ? ' (default rules)' : '';
    const bindingName = binding.kind === 'RoleBinding' ? `${binding.namespace}/${binding.name}` : binding.name;
    const via = `${binding.kind} ${bindingName} -> ${roleRef.kind} ${roleRef.name}${shipped}`;
    const resources = binding.kind === 'RoleBinding' ? [`namespaces/${binding.namespace}`] : ['*'];
    return {
      scope: `${roleRef.kind} ${roleRef.name} ${binding.kind === 'RoleBinding' ? `in namespaces/${binding.namespace}` : '(cluster-wide)'}`,
      statements: rules.flatMap((rule) => ruleStatement(rule, resources, via) ?? []),
    };
  }

  /**
   * A ClusterRole's rules: from the export, else from the default table. An
   * aggregated role with no rules of its own (as written in a manifest; a
   * cluster's controller fills them in) gathers the rules of every ClusterRole,
   * exported or default, whose labels its selectors match.
   */
  private clusterRoleRules(name: string, visiting: Set<string>): PolicyRule[] | null {
    const role = this.clusterRoles.get(name) ?? DEFAULT_CLUSTER_ROLES.get(name);
    if (!role) return null;
    if (!role.aggregation || role.rules.length || visiting.has(name)) return role.rules;
    visiting.add(name);
    const selectors = role.aggregation;
    const known = new Map([...DEFAULT_CLUSTER_ROLES, ...this.clusterRoles]);
    const rules = [...known.values()]
      .filter((other) => other.name !== name && selectors.some((selector) => selects(selector, new Map(other.labels))))
      .flatMap((other) => this.clusterRoleRules(other.name, visiting) ?? []);
    visiting.delete(name);
    return rules;
  }

  private subjectKeys(binding: Binding, problems: ImportProblem[]): string[] {
    return binding.subjects.flatMap((subject, i) => {
      if (subject.kind === 'ServiceAccount') {
        // A RoleBinding's ServiceAccount subject without a namespace is in the binding's (as the authorizer reads it).
        const namespace = subject.namespace ?? (binding.kind === 'RoleBinding' ? binding.namespace : undefined);
        if (namespace) return [serviceAccountKey(namespace, subject.name)];
        problems.push({ location: binding.location, problem: `subjects[${i}] is a ServiceAccount without a namespace; it grants nothing` });
        return [];
      }
      const user = subject.kind === 'User' ? SA_USER.exec(subject.name) : null;
      if (user) return [serviceAccountKey(user[1], user[2])];
      return subject.kind === 'Group' && SA_GROUPS.test(subject.name) ? [groupKey(subject.name)] : [];
    });
  }
}
