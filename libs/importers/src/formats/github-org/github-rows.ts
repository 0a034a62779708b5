import type { PermissionStatement } from '@nhi/privilege';
import type { ImportRow } from '../../import-row';
import { expiryOf, idOf, objectOf, textOf, timeOf, type JsonObject } from '../shared/fields';
import { boundName } from '../shared/row-bounds';
import { sshFingerprint } from '../shared/ssh-fingerprint';

/** `github:<permission>:<access>` for each entry of a permissions object (`{ "contents": "write" }`) that `keep` keeps. */
const actionsOf = (permissions: unknown, keep: (name: string) => boolean = () => true): string[] =>
  Object.entries(objectOf(permissions)).flatMap(([name, access]) =>
    typeof access === 'string' && keep(name) ? [`github:${name}:${access}`] : [],
  );

/**
 * An app's organization permissions, as the REST API's app-permissions schema
 * names them (`members`, `team_discussions`, `organization_*`); the others are
 * repository (or user) permissions.
 */
const isOrganizationPermission = (name: string): boolean =>
  name === 'members' || name === 'team_discussions' || name.startsWith('organization_');

/** Where repository permissions apply under an owner: all its repositories, the selected ones (not listed by these endpoints), or public ones. */
const repositoriesOf = (owner: string, selection: string | undefined): string =>
  `${owner}/repos/${selection === 'all' ? '*' : selection === 'none' ? '[public]' : '[selected]'}`;

const scopeLines = (permissions: unknown, prefix = ''): string[] =>
  Object.entries(objectOf(permissions)).flatMap(([name, access]) => (typeof access === 'string' ? [`${prefix}${name}:${access}`] : []));

/** A time, `null` when the API says null ("never"), undefined when the field is absent. */
const lastUsed = (value: JsonObject, field: string): string | null | undefined => (value[field] === null ? null : timeOf(value[field]));

const statement = (actions: string[], resource: string, via: string): PermissionStatement[] =>
  actions.length ? [{ effect: 'Allow', actions, resources: [resource], via }] : [];

/**
 * An app installation (`GET /orgs/{org}/installations`): its organization
 * permissions on `orgs/<login>`, its repository permissions on
 * `orgs/<login>/repos/*` (all repositories) or `orgs/<login>/repos/[selected]`
 * (some; this endpoint does not list them). An installation holds no
 * long-lived credential of its own (its tokens last an hour; the app's private
 * keys belong to the app and are not in this API): an empty credentials list.
 */
export function installationRow(installation: JsonObject): ImportRow | string {
  const id = idOf(installation['id']);
  if (!id) return 'an installation without an id; skipped';
  const account = objectOf(installation['account']);
  const login = textOf(account['login']) ?? 'unknown';
  const owner = installation['target_type'] === 'User' || account['type'] === 'User' ? `users/${login}` : `orgs/${login}`;
  const selection = textOf(installation['repository_selection']);
  const app = textOf(installation['app_slug']) ?? `app ${idOf(installation['app_id']) ?? 'unknown'}`;
  const via = `installation ${id} of app ${app} on ${login}`;
  return {
    provider: 'github',
    externalId: `installations/${id}`,
    kind: 'github app',
    name: boundName(app),
    createdAt: timeOf(installation['created_at']),
    credentials: [],
    scopes: [...scopeLines(installation['permissions']), ...(selection ? [`repository_selection: ${selection}`] : [])],
    tags: installation['suspended_at'] ? [{ key: 'suspended', value: 'true' }] : [],
    permissions: [
      ...statement(actionsOf(installation['permissions'], isOrganizationPermission), owner, via),
      ...statement(
        actionsOf(installation['permissions'], (name) => !isOrganizationPermission(name)),
        repositoriesOf(owner, selection === 'selected' ? 'selected' : 'all'),
        via,
      ),
    ],
  };
}

/** A deploy key (`GET /repos/{owner}/{repo}/keys`): an SSH_KEY credential by fingerprint, never the key. */
export function deployKeyRow(key: JsonObject, repository: string): ImportRow | string {
  const id = idOf(key['id']);
  if (!id) return 'a deploy key without an id; skipped';
  const access = key['read_only'] === false ? 'write' : 'read';
  const createdAt = timeOf(key['created_at']);
  const lastUsedAt = lastUsed(key, 'last_used');
  const addedBy = textOf(key['added_by']);
  return {
    provider: 'github',
    externalId: `repos/${repository}/keys/${id}`,
    kind: 'deploy key',
    name: boundName(textOf(key['title']) ?? `deploy key ${id}`),
    createdAt,
    lastUsedAt,
    scopes: [access === 'write' ? 'read-write' : 'read-only'],
    tags: addedBy ? [{ key: 'added_by', value: addedBy }] : [],
    credentials: [
      {
        type: 'SSH_KEY',
        externalId: id,
        fingerprint: sshFingerprint(textOf(key['key']) ?? ''),
        status: key['enabled'] === false ? 'INACTIVE' : 'ACTIVE',
        createdAt,
        lastUsedAt,
      },
    ],
    permissions: statement([`github:deploy_key:${access}`], `repos/${repository}`, `deploy key ${id} on ${repository}`),
  };
}

/**
 * A fine-grained personal access token's grant to an organization (`GET
 * /orgs/{org}/personal-access-tokens`): organization permissions on the
 * organization, repository permissions on its repositories (`…/repos/*`,
 * `…/repos/[selected]`, or `…/repos/[public]` for none). The organization is
 * `orgs/<org>` when the file is named for it, else `organizations/<id>` from
 * repositories_url.
 */
export function personalAccessTokenRow(grant: JsonObject, organization: string | undefined): ImportRow | string {
  const id = idOf(grant['id']);
  if (!id) return 'a personal access token grant without an id; skipped';
  const org = organization ? `orgs/${organization}` : organizationFromUrl(grant['repositories_url']);
  const selection = textOf(grant['repository_selection']);
  const repositories = repositoriesOf(org, selection === 'all' || selection === 'none' ? selection : 'selected');
  const permissions = objectOf(grant['permissions']);
  const tokenId = idOf(grant['token_id']) ?? id;
  const expiresAt = expiryOf(grant['token_expires_at']);
  const lastUsedAt = lastUsed(grant, 'token_last_used_at');
  const owner = textOf(objectOf(grant['owner'])['login']);
  const via = `fine-grained token ${tokenId} granted to ${org}`;
  return {
    provider: 'github',
    externalId: `personal-access-tokens/${id}`,
    kind: 'fine grained personal access token',
    name: boundName(textOf(grant['token_name']) ?? `fine-grained token ${tokenId}`),
    createdAt: timeOf(grant['access_granted_at']),
    expiresAt,
    lastUsedAt,
    scopes: [
      ...scopeLines(permissions['organization'], 'organization '),
      ...scopeLines(permissions['repository'], 'repository '),
      ...(selection ? [`repository_selection: ${selection}`] : []),
    ],
    tags: owner ? [{ key: 'owner', value: owner }] : [],
    credentials: [
      { type: 'TOKEN', externalId: tokenId, status: grant['token_expired'] === true ? 'EXPIRED' : 'ACTIVE', expiresAt, lastUsedAt },
    ],
    permissions: [
      ...statement(actionsOf(permissions['organization']), org, via),
      ...statement(actionsOf(permissions['repository']), repositories, via),
    ],
  };
}

function organizationFromUrl(url: unknown): string {
  const id = /\/organizations\/(\d+)\//.exec(textOf(url) ?? '')?.[1];
  return id ? `organizations/${id}` : 'orgs/unknown';
}
