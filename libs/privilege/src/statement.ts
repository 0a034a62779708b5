/** The platform's privilege levels, lowest first (the same words as the contracts' PrivilegeLevel). */
export type PrivilegeLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'ADMIN';

export const PRIVILEGE_ORDER: readonly PrivilegeLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'ADMIN'];

/**
 * One permission statement in a provider-neutral shape: which actions on which
 * resources are allowed or denied, and through what. Importers turn policy
 * documents, RBAC rules and role bindings into these; the privilege rules judge them.
 *
 * Action names are provider-qualified and may hold the wildcards `*` and `?`:
 * - AWS: the IAM action as written, `iam:CreateAccessKey`, `s3:Get*`, `*`;
 * - Kubernetes: `k8s:<apiGroup>/<resource>:<verb>`, the core group as `core`
 *   (`k8s:core/secrets:get`, `k8s:core/pods/exec:create`, `k8s:*\/*:*`);
 * - GCP: the role, `gcp:roles/owner`, `gcp:roles/iam.serviceAccountTokenCreator`;
 * - Azure: the role definition's name, `azure:Owner`, `azure:Contributor`;
 * - GitHub: `github:<permission>:<access>`, `github:administration:write`.
 *
 * Resources: `*` is everything. AWS keeps ARNs as written; Kubernetes uses `*`
 * for cluster-wide grants and `namespaces/<ns>` for a namespace's; GCP and
 * Azure use the scope the role is bound at (`projects/p`, `/subscriptions/…`).
 */
export interface PermissionStatement {
  effect: 'Allow' | 'Deny';
  /** Exactly one of actions and notActions (AWS NotAction: everything except these). */
  actions?: string[];
  notActions?: string[];
  /** Defaults to `*`. At most one of resources and notResources. */
  resources?: string[];
  notResources?: string[];
  /** Applies only under a condition (AWS Condition, GCP IAM condition, Azure ABAC): counted, and marked as such. */
  conditional?: boolean;
  /**
   * An AWS managed policy known only by its ARN (no document in the export):
   * judged by the shipped table of managed policies, never by its name's letters.
   */
  managedPolicyArn?: string;
  /** Where the statement comes from, as a reviewer reads it: `managed policy AdministratorAccess`, `ClusterRoleBinding ops -> ClusterRole cluster-admin`. */
  via: string;
}

/** Why an identity has its level: the rule that fired and what in the data made it fire. */
export interface PrivilegeReason {
  rule: string;
  evidence: string;
}

export interface PrivilegeAssessment {
  level: PrivilegeLevel;
  reasons: PrivilegeReason[];
}
