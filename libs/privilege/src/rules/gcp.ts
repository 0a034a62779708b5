import { survivingGrants, type Grant } from '../grants';
import type { PermissionStatement } from '../statement';
import { grantsEvidence } from './grant-evidence';
import { groupedEvidence, narrowlyAllowed, type Reach } from './reach';
import { fixedRule } from './rule';

const UNDERSTANDING_ROLES = 'https://cloud.google.com/iam/docs/understanding-roles';
const IMPERSONATION = 'https://cloud.google.com/iam/docs/service-account-impersonation';
const ROLES_REFERENCE = 'https://cloud.google.com/iam/docs/roles-permissions';

/** Roles are bound as `gcp:roles/<name>`; custom roles as `gcp:projects/<p>/roles/<name>` or `gcp:organizations/<o>/roles/<name>`. */
function roleOf(grant: Grant): string | null {
  return /^gcp:(.+)$/i.exec(grant.action)?.[1] ?? null;
}

/**
 * A binding on a project, folder or organization (or everywhere) reaches every
 * service account under it; one on a single service account reaches that one.
 */
function hierarchyWide(resource: string): boolean {
  const name = resource.replace(/^\/\/[a-z.]+\.googleapis\.com\//, '');
  return name === '*' || /^(projects|folders|organizations)\/[^/]+$/.test(name);
}

function anywhere(statements: readonly PermissionStatement[], roles: readonly string[]): Reach[] {
  return roles.flatMap((role) => narrowlyAllowed(statements, `gcp:${role}`));
}

export const gcpOwner = fixedRule(
  'gcp.owner',
  'ADMIN',
  'roles/owner: every permission, IAM policy included.',
  [UNDERSTANDING_ROLES],
  (statements) => groupedEvidence(anywhere(statements, ['roles/owner'])),
);

/** Roles that impersonate service accounts, mint their keys or tokens, or rewrite IAM policy: each a step to any role. */
export const GCP_ESCALATION_ROLES = [
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountKeyAdmin',
  'roles/iam.serviceAccountUser',
  'roles/iam.workloadIdentityUser',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.securityAdmin',
  'roles/iam.roleAdmin',
  'roles/iam.organizationRoleAdmin',
  'roles/resourcemanager.projectIamAdmin',
  'roles/resourcemanager.folderIamAdmin',
  'roles/resourcemanager.folderAdmin',
  'roles/resourcemanager.organizationAdmin',
];

export const gcpIamEscalation = fixedRule(
  'gcp.iam-escalation',
  'ADMIN',
  'Impersonation, service-account key or token creation, or IAM policy change, bound on a project, folder or organization.',
  [IMPERSONATION, UNDERSTANDING_ROLES],
  (statements) => groupedEvidence(anywhere(statements, GCP_ESCALATION_ROLES).filter((reach) => hierarchyWide(reach.resource))),
);

export const gcpIamEscalationScoped = fixedRule(
  'gcp.iam-escalation-scoped',
  'HIGH',
  'The same roles bound on single resources (one service account): the identity becomes that service account.',
  [IMPERSONATION],
  (statements) => groupedEvidence(anywhere(statements, GCP_ESCALATION_ROLES).filter((reach) => !hierarchyWide(reach.resource))),
);

export const gcpEditor = fixedRule(
  'gcp.editor',
  'HIGH',
  'roles/editor: change nearly every resource, though not IAM policy.',
  [UNDERSTANDING_ROLES],
  (statements) => groupedEvidence(anywhere(statements, ['roles/editor'])),
);

export const gcpSecretAccess = fixedRule(
  'gcp.secret-access',
  'HIGH',
  'roles/secretmanager.secretAccessor: reads secret payloads.',
  [ROLES_REFERENCE],
  (statements) => groupedEvidence(anywhere(statements, ['roles/secretmanager.secretAccessor'])),
);

type RoleKind = 'named' | 'service-admin' | 'viewer' | 'other';

const NAMED = new Set([
  'roles/owner',
  'roles/editor',
  'roles/secretmanager.secretaccessor',
  ...GCP_ESCALATION_ROLES.map((r) => r.toLowerCase()),
]);

/** Predefined roles follow `roles/<service>.<role>`; the role part says admin or viewer by GCP's own naming. */
function roleKind(role: string): RoleKind {
  if (NAMED.has(role.toLowerCase())) return 'named';
  if (/^roles\/[a-z0-9]+\.admin$/i.test(role)) return 'service-admin';
  if (/^roles\/(viewer|browser|iam\.securityReviewer)$/i.test(role) || /^roles\/[a-z0-9]+\.(viewer|[a-z]+Viewer)$/.test(role))
    return 'viewer';
  return 'other';
}

function grantsOfKind(statements: readonly PermissionStatement[], kind: RoleKind): string[] {
  return grantsEvidence(
    survivingGrants(statements).filter((grant) => {
      const role = roleOf(grant);
      return role !== null && grant.except === undefined && roleKind(role) === kind;
    }),
  );
}

export const gcpServiceAdmin = fixedRule(
  'gcp.service-admin',
  'HIGH',
  'roles/<service>.admin: full control of one service.',
  [UNDERSTANDING_ROLES],
  (statements) => grantsOfKind(statements, 'service-admin'),
);

export const gcpViewer = fixedRule(
  'gcp.viewer',
  'LOW',
  'Viewer-type roles (roles/viewer, roles/browser, roles/<service>.viewer, roles/<service>.<x>Viewer, roles/iam.securityReviewer).',
  [UNDERSTANDING_ROLES],
  (statements) => grantsOfKind(statements, 'viewer'),
);

export const gcpOtherRole = fixedRule(
  'gcp.other-role',
  'MEDIUM',
  'Any other role, custom roles included: it may change things.',
  [UNDERSTANDING_ROLES],
  (statements) => grantsOfKind(statements, 'other'),
);

export const gcpUnrecognisedAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'An action not of the form gcp:<role>: it could do anything, so it counts as a change.',
  [],
  (statements) => grantsEvidence(survivingGrants(statements).filter((grant) => grant.except !== undefined || roleOf(grant) === null)),
);
