import type { PermissionStatement } from '@nhi/privilege';
import { unique } from '../shared/fields';
import type { PolicyRule } from './rbac-objects';

/** `k8s:<apiGroup>/<resource>:<verb>`, the core group (`''`) written `core`; wildcards stay `*`. */
export const k8sAction = (group: string, resource: string, verb: string): string =>
  `k8s:${group === '' ? 'core' : group}/${resource}:${verb}`;

/**
 * One statement for one rule: every apiGroup × resource × verb combination as an
 * action, on `resources` (`*` cluster-wide, `namespaces/<ns>` for a RoleBinding).
 * A rule that names no resource, verb or group grants nothing, and a
 * nonResourceURLs rule (`/healthz`, `/metrics`) is about API paths, not objects:
 * both give null. A rule limited to resourceNames says so in `via`.
 */
export function ruleStatement(rule: PolicyRule, resources: string[], via: string): PermissionStatement | null {
  if (!rule.apiGroups.length || !rule.resources.length || !rule.verbs.length) return null;
  const actions = rule.apiGroups.flatMap((group) =>
    rule.resources.flatMap((resource) => rule.verbs.map((verb) => k8sAction(group, resource, verb))),
  );
  return {
    effect: 'Allow',
    actions: unique(actions),
    resources,
    via: rule.resourceNames.length ? `${via} (named objects only)` : via,
  };
}
