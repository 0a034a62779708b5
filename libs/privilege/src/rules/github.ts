import { survivingGrants, type Grant } from '../grants';
import type { PermissionStatement } from '../statement';
import { grantsEvidence } from './grant-evidence';
import { groupedEvidence, narrowlyAllowed } from './reach';
import { fixedRule } from './rule';

const APP_PERMISSIONS = 'https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps';
const FINE_GRAINED = 'https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens';
const DEPLOY_KEYS = 'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/managing-deploy-keys';

/** `github:<permission>:<access>` */
const GITHUB_ACTION = /^github:([a-z0-9_]+|\*):([a-z]+|\*)$/i;

function named(statements: readonly PermissionStatement[], actions: readonly string[]): string[] {
  return groupedEvidence(actions.flatMap((action) => narrowlyAllowed(statements, `github:${action}`)));
}

const ADMIN_ACTIONS = ['administration:write', 'organization_administration:write', 'members:write', 'enterprise_administration:write'];
const SECRET_ACTIONS = ['secrets', 'organization_secrets', 'dependabot_secrets', 'codespaces_secrets'].flatMap((p) => [
  `${p}:write`,
  `${p}:read`,
]);
const CODE_ACTIONS = ['contents:write', 'workflows:write', 'actions:write', 'packages:write', 'git_ssh_keys:write'];

export const githubAdmin = fixedRule(
  'github.admin',
  'ADMIN',
  'Repository or organization administration, or membership: settings, collaborators, teams, owners.',
  [APP_PERMISSIONS, FINE_GRAINED],
  (statements) => named(statements, ADMIN_ACTIONS),
);

export const githubSecrets = fixedRule(
  'github.secrets',
  'HIGH',
  'Actions, Dependabot or Codespaces secrets, read or write.',
  [APP_PERMISSIONS],
  (statements) => named(statements, SECRET_ACTIONS),
);

export const githubCodeWrite = fixedRule(
  'github.code-write',
  'HIGH',
  'Pushing code, workflows or packages, running Actions, adding SSH keys: what runs in CI and what others install.',
  [APP_PERMISSIONS, FINE_GRAINED],
  (statements) => named(statements, CODE_ACTIONS),
);

export const githubDeployKeyWrite = fixedRule(
  'github.deploy-key-write',
  'HIGH',
  'A deploy key with write access: pushes to its repository.',
  [DEPLOY_KEYS],
  (statements) => named(statements, ['deploy_key:write']),
);

const NAMED = new Set([...ADMIN_ACTIONS, ...SECRET_ACTIONS, ...CODE_ACTIONS, 'deploy_key:write'].map((a) => `github:${a}`));

function accessOf(grant: Grant): string | null {
  if (grant.except || NAMED.has(grant.action.toLowerCase())) return null;
  return GITHUB_ACTION.exec(grant.action)?.[2].toLowerCase() ?? null;
}

export const githubWrite = fixedRule('github.write', 'MEDIUM', 'Any other write permission.', [APP_PERMISSIONS], (statements) =>
  grantsEvidence(survivingGrants(statements).filter((grant) => ![null, 'read'].includes(accessOf(grant)))),
);

export const githubRead = fixedRule('github.read', 'LOW', 'Read permissions outside secrets.', [APP_PERMISSIONS], (statements) =>
  grantsEvidence(survivingGrants(statements).filter((grant) => accessOf(grant) === 'read')),
);

export const githubUnrecognisedAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'An action not of the form github:<permission>:<access>: it could do anything, so it counts as a change.',
  [],
  (statements) =>
    grantsEvidence(survivingGrants(statements).filter((grant) => grant.except !== undefined || !GITHUB_ACTION.test(grant.action))),
);
