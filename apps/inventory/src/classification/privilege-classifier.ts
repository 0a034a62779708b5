import type { PrivilegeLevel } from '@nhi/contracts';

const ORDER: PrivilegeLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'ADMIN'];

interface Rule {
  level: PrivilegeLevel;
  test: RegExp;
  /** Only for this provider; generic rules apply to all. */
  provider?: string;
}

/**
 * Provider-aware patterns, most powerful first. A scope takes the level of the
 * first rule it matches; an identity takes the highest level of its scopes.
 */
const RULES: Rule[] = [
  // Everything, or the power to grant everything.
  { level: 'ADMIN', test: /^\*$|^\*:\*$|^arn:aws:iam::aws:policy\/administratoraccess$|^administratoraccess$|^iam:\*$/i },
  {
    level: 'ADMIN',
    provider: 'gcp',
    test: /^roles\/(owner|resourcemanager\.organizationadmin|iam\.(securityadmin|serviceaccountadmin|roleadmin))$/i,
  },
  { level: 'ADMIN', provider: 'azure', test: /^(owner|user access administrator|global administrator|privileged role administrator)$/i },
  { level: 'ADMIN', provider: 'github', test: /^(admin:(org|enterprise|repo_hook|org_hook)|site_admin|delete_repo)$/i },
  { level: 'ADMIN', provider: 'kubernetes', test: /^(cluster-admin|system:masters)$/i },
  { level: 'ADMIN', test: /(^|[^a-z])(admin|administrator|root|superuser|owner)($|[^a-z])/i },
  // A whole service, or writing to the things that run production.
  { level: 'HIGH', test: /^[a-z0-9-]+:\*$/i },
  { level: 'HIGH', provider: 'gcp', test: /^roles\/(editor|[a-z]+\.admin)$/i },
  { level: 'HIGH', provider: 'azure', test: /^contributor$/i },
  { level: 'HIGH', provider: 'github', test: /^(repo|workflow|write:packages|admin:public_key)$/i },
  { level: 'HIGH', test: /(full[_ -]?access|manage|delete|:\*|write:\*|\.all$|readwrite\.all)/i },
  // Changing something.
  { level: 'MEDIUM', test: /(write|put|create|update|send|publish|invoke|execute|exec|modify|comment|post|edit|deploy)/i },
  // Looking.
  { level: 'LOW', test: /(read|get|list|describe|view|viewer|query|search|audit|receive|consume|subscribe)/i },
];

function levelOfScope(provider: string, scope: string): PrivilegeLevel {
  const rule = RULES.find((r) => (!r.provider || r.provider === provider) && r.test.test(scope.trim()));
  // A scope nobody recognises could do anything: count it as a change, not as read-only.
  return rule?.level ?? 'MEDIUM';
}

/** The identity's privilege from its scopes; null when no scopes are known. */
export function classifyPrivilege(provider: string, scopes: readonly string[]): PrivilegeLevel | null {
  if (scopes.length === 0) return null;
  return scopes.map((scope) => levelOfScope(provider, scope)).reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a));
}

/** Scopes that grant everything or act as an administrator: what NHI5 reports. */
export function adminOrWildcardScopes(provider: string, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => levelOfScope(provider, scope) === 'ADMIN' || /\*/.test(scope));
}
