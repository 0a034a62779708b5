import { survivingGrants, type Grant } from '../grants';
import type { PermissionStatement } from '../statement';
import { grantsEvidence } from './grant-evidence';
import { groupedEvidence, narrowlyAllowed, type Reach } from './reach';
import { fixedRule } from './rule';

const BUILT_IN_ROLES = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles';
const ENTRA_PRIVILEGED = 'https://learn.microsoft.com/entra/identity/role-based-access-control/privileged-roles-permissions';
const GRAPH_PERMISSIONS = 'https://learn.microsoft.com/graph/permissions-reference';
const GRAPH_ABUSE = 'https://posts.specterops.io/azure-privilege-escalation-via-azure-api-permissions-abuse-74aee1006f48';

/** Roles are assigned as `azure:<role name>`; the role name keeps its spaces. */
function nameOf(grant: Grant): string | null {
  return /^azure:(.+)$/i.exec(grant.action)?.[1].trim() ?? null;
}

/** Microsoft Graph permissions (`User.Read.All`) are dotted words; role names are not. */
function isGraphPermission(name: string): boolean {
  return /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(name);
}

function anywhere(statements: readonly PermissionStatement[], names: readonly string[]): Reach[] {
  return names.flatMap((name) => narrowlyAllowed(statements, `azure:${name}`));
}

function named(id: string, level: 'ADMIN' | 'HIGH', summary: string, sources: string[], names: readonly string[]) {
  return { names, rule: fixedRule(id, level, summary, sources, (statements) => groupedEvidence(anywhere(statements, names))) };
}

const OWNER = named('azure.owner', 'ADMIN', 'Owner: everything, role assignments included, at its scope.', [BUILT_IN_ROLES], ['Owner']);

const ACCESS_ADMIN = named(
  'azure.access-admin',
  'ADMIN',
  'User Access Administrator, Role Based Access Control Administrator: assigns any role, Owner included, at its scope.',
  [BUILT_IN_ROLES],
  ['User Access Administrator', 'Role Based Access Control Administrator'],
);

const ENTRA_ADMIN = named(
  'azure.entra-privileged-role',
  'ADMIN',
  'Entra directory roles that reach Global Administrator: assigning roles, resetting admins’ credentials, adding credentials to any application, federating domains.',
  [ENTRA_PRIVILEGED],
  [
    'Global Administrator',
    'Privileged Role Administrator',
    'Privileged Authentication Administrator',
    'Application Administrator',
    'Cloud Application Administrator',
    'Hybrid Identity Administrator',
    'Domain Name Administrator',
    'Partner Tier2 Support',
  ],
);

const ENTRA_SENSITIVE = named(
  'azure.entra-sensitive-role',
  'HIGH',
  'Entra directory roles Microsoft marks privileged that stop short of Global Administrator (user, authentication, security, conditional access administration).',
  [ENTRA_PRIVILEGED],
  [
    'User Administrator',
    'Authentication Administrator',
    'Helpdesk Administrator',
    'Groups Administrator',
    'Security Administrator',
    'Conditional Access Administrator',
    'Intune Administrator',
    'Exchange Administrator',
    'SharePoint Administrator',
    'Directory Writers',
  ],
);

const CONTRIBUTOR = named(
  'azure.contributor',
  'HIGH',
  'Contributor: changes every resource at its scope, though not role assignments.',
  [BUILT_IN_ROLES],
  ['Contributor'],
);

const KEY_VAULT = named(
  'azure.key-vault-secrets',
  'HIGH',
  'Key Vault Secrets User or Officer, Key Vault Certificate User, Key Vault Administrator: reads secret values.',
  [BUILT_IN_ROLES],
  ['Key Vault Secrets User', 'Key Vault Secrets Officer', 'Key Vault Certificate User', 'Key Vault Administrator'],
);

const VM_TAKEOVER = named(
  'azure.vm-takeover',
  'HIGH',
  'Virtual Machine Contributor: runs commands on virtual machines, and so acts as their managed identities.',
  [BUILT_IN_ROLES],
  ['Virtual Machine Contributor'],
);

const GRAPH_ESCALATION = named(
  'azure.graph-escalation',
  'ADMIN',
  'Microsoft Graph application permissions that reach Global Administrator: assigning directory roles or app roles, adding credentials to any application.',
  [GRAPH_PERMISSIONS, GRAPH_ABUSE],
  ['RoleManagement.ReadWrite.Directory', 'AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All'],
);

const NAMED_ROLES = new Set(
  [OWNER, ACCESS_ADMIN, ENTRA_ADMIN, ENTRA_SENSITIVE, CONTRIBUTOR, KEY_VAULT, VM_TAKEOVER, GRAPH_ESCALATION].flatMap((group) =>
    group.names.map((name) => name.toLowerCase()),
  ),
);

export const azureOwner = OWNER.rule;
export const azureAccessAdmin = ACCESS_ADMIN.rule;
export const azureEntraPrivilegedRole = ENTRA_ADMIN.rule;
export const azureEntraSensitiveRole = ENTRA_SENSITIVE.rule;
export const azureContributor = CONTRIBUTOR.rule;
export const azureKeyVaultSecrets = KEY_VAULT.rule;
export const azureVmTakeover = VM_TAKEOVER.rule;
export const azureGraphEscalation = GRAPH_ESCALATION.rule;

type NameKind = 'graph-tenant-wide' | 'graph-read' | 'graph-other' | 'reader' | 'other';

function nameKind(name: string): NameKind {
  if (isGraphPermission(name)) {
    if (/\.(All|Directory)$/i.test(name)) return 'graph-tenant-wide';
    return /\.Read(\.|$)/i.test(name) && !/Write/i.test(name) ? 'graph-read' : 'graph-other';
  }
  // Built-in read-only roles are named `Reader` or `<something> Reader`.
  return /(^| )Reader$/i.test(name) ? 'reader' : 'other';
}

function grantsOfKind(statements: readonly PermissionStatement[], kinds: readonly NameKind[]): string[] {
  return grantsEvidence(
    survivingGrants(statements).filter((grant) => {
      const name = nameOf(grant);
      return name !== null && grant.except === undefined && !NAMED_ROLES.has(name.toLowerCase()) && kinds.includes(nameKind(name));
    }),
  );
}

export const azureGraphTenantWide = fixedRule(
  'azure.graph-tenant-wide',
  'HIGH',
  'Other Microsoft Graph permissions ending .All or .Directory: read or write across the whole tenant.',
  [GRAPH_PERMISSIONS],
  (statements) => grantsOfKind(statements, ['graph-tenant-wide']),
);

export const azureReader = fixedRule(
  'azure.reader',
  'LOW',
  'Reader and `<service> Reader` roles; Graph permissions that read the signed-in user’s own data.',
  [BUILT_IN_ROLES, GRAPH_PERMISSIONS],
  (statements) => grantsOfKind(statements, ['reader', 'graph-read']),
);

export const azureOtherRole = fixedRule(
  'azure.other-role',
  'MEDIUM',
  'Any other role or permission: it may change things.',
  [BUILT_IN_ROLES],
  (statements) => grantsOfKind(statements, ['other', 'graph-other']),
);

export const azureUnrecognisedAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'An action not of the form azure:<role name>: it could do anything, so it counts as a change.',
  [],
  (statements) => grantsEvidence(survivingGrants(statements).filter((grant) => grant.except !== undefined || nameOf(grant) === null)),
);
