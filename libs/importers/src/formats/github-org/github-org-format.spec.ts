import { join } from 'node:path';
import { collect, fileInput, textInput } from '../shared/inputs';
import { sshFingerprint } from '../shared/ssh-fingerprint';
import { githubOrgFormat } from './github-org-format';

const fixture = (name: string) => fileInput(join(__dirname, '../../../fixtures/github', name));
const ALL = ['octo-org.installations.json', 'octocat__Hello-World.keys.json', 'octo-org.personal-access-tokens.json'];
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPxe6hox6M/5KuNRdGeYRQpLQPv06ASub+JafaSoJgx6';

describe('github-org', () => {
  it('gives an app installation with administration:write its permissions, organization ones on the org and repository ones on its repositories', async () => {
    const { rows, problems } = await collect(githubOrgFormat.convert(ALL.map(fixture)));
    expect(problems).toEqual([]);
    expect(rows.find((row) => row.externalId === 'installations/31415')).toEqual({
      provider: 'github',
      externalId: 'installations/31415',
      kind: 'github app',
      credentials: [],
      name: 'release-bot',
      createdAt: '2024-03-04T10:00:00.000Z',
      scopes: ['administration:write', 'contents:write', 'metadata:read', 'members:read', 'repository_selection: all'],
      permissions: [
        {
          effect: 'Allow',
          actions: ['github:members:read'],
          resources: ['orgs/octo-org'],
          via: 'installation 31415 of app release-bot on octo-org',
        },
        {
          effect: 'Allow',
          actions: ['github:administration:write', 'github:contents:write', 'github:metadata:read'],
          resources: ['orgs/octo-org/repos/*'],
          via: 'installation 31415 of app release-bot on octo-org',
        },
      ],
    });
  });

  it('reads the documented installation example: selected repositories, times with an offset, a suspended installation tagged', async () => {
    const { rows } = await collect(githubOrgFormat.convert([fixture('octo-org.installations.json')]));
    expect(rows[0]).toEqual({
      provider: 'github',
      externalId: 'installations/25381',
      kind: 'github app',
      credentials: [],
      name: 'github-actions',
      createdAt: '2017-05-16T15:47:09.000Z',
      scopes: ['deployments:write', 'metadata:read', 'pull_requests:read', 'statuses:read', 'repository_selection: selected'],
      permissions: [
        {
          effect: 'Allow',
          actions: ['github:deployments:write', 'github:metadata:read', 'github:pull_requests:read', 'github:statuses:read'],
          resources: ['orgs/octo-org/repos/[selected]'],
          via: 'installation 25381 of app github-actions on octo-org',
        },
      ],
    });
    expect(rows[2]).toMatchObject({ externalId: 'installations/27182', tags: [{ key: 'suspended', value: 'true' }] });
  });

  it('gives a deploy key with write access never used: lastUsedAt null, an SSH_KEY by fingerprint, never the key', async () => {
    const { rows } = await collect(githubOrgFormat.convert(ALL.map(fixture)));
    expect(rows.find((row) => row.externalId === 'repos/octocat/Hello-World/keys/2')).toEqual({
      provider: 'github',
      externalId: 'repos/octocat/Hello-World/keys/2',
      kind: 'deploy key',
      name: 'deploy@release-host',
      createdAt: '2024-08-01T09:00:00.000Z',
      lastUsedAt: null,
      scopes: ['read-write'],
      tags: [{ key: 'added_by', value: 'hubot' }],
      credentials: [
        {
          type: 'SSH_KEY',
          externalId: '2',
          // As `ssh-keygen -lf` prints it for this public key.
          fingerprint: 'SHA256:zvz6TvQlTBdLqf1KHyYIHGHbfpx/xIi6VbTELwyLSgo',
          status: 'ACTIVE',
          createdAt: '2024-08-01T09:00:00.000Z',
          lastUsedAt: null,
        },
      ],
      permissions: [
        {
          effect: 'Allow',
          actions: ['github:deploy_key:write'],
          resources: ['repos/octocat/Hello-World'],
          via: 'deploy key 2 on octocat/Hello-World',
        },
      ],
    });
    // The documented example's key (`ssh-rsa AAA...`) is no key: no fingerprint, and never copied.
    const first = rows.find((row) => row.externalId === 'repos/octocat/Hello-World/keys/1')!;
    expect(first.credentials![0]).not.toHaveProperty('fingerprint');
    expect(first.lastUsedAt).toBe('2022-01-10T15:53:42.000Z');
    expect(JSON.stringify(rows)).not.toContain('AAAAC3NzaC1lZDI1NTE5');
  });

  it('gives fine-grained tokens: expiry, last use, EXPIRED when the API says so, the owner as a tag', async () => {
    const { rows } = await collect(githubOrgFormat.convert([fixture('octo-org.personal-access-tokens.json')]));
    expect(rows[0]).toEqual({
      provider: 'github',
      externalId: 'personal-access-tokens/25381',
      kind: 'fine grained personal access token',
      name: 'Some Token',
      createdAt: '2023-05-16T15:47:09.000Z',
      expiresAt: '2023-11-16T15:47:09.000Z',
      lastUsedAt: null,
      scopes: ['organization members:read', 'repository metadata:read', 'repository_selection: all'],
      tags: [{ key: 'owner', value: 'octocat' }],
      credentials: [{ type: 'TOKEN', externalId: '98716', status: 'ACTIVE', expiresAt: '2023-11-16T15:47:09.000Z', lastUsedAt: null }],
      permissions: [
        {
          effect: 'Allow',
          actions: ['github:members:read'],
          resources: ['orgs/octo-org'],
          via: 'fine-grained token 98716 granted to orgs/octo-org',
        },
        {
          effect: 'Allow',
          actions: ['github:metadata:read'],
          resources: ['orgs/octo-org/repos/*'],
          via: 'fine-grained token 98716 granted to orgs/octo-org',
        },
      ],
    });
    expect(rows[1]!.credentials).toEqual([
      {
        type: 'TOKEN',
        externalId: '98717',
        status: 'EXPIRED',
        expiresAt: '2024-07-10T12:00:00.000Z',
        lastUsedAt: '2024-07-09T23:15:00.000Z',
      },
    ]);
  });

  it('takes the organization from repositories_url when the file is not named for it, and deploy keys from a wrapper', async () => {
    const pats = JSON.stringify([
      {
        id: 7,
        owner: { login: 'octocat' },
        repository_selection: 'none',
        repositories_url: 'https://api.github.com/organizations/652551/personal-access-tokens/7/repositories',
        permissions: { repository: { metadata: 'read' } },
        token_expired: false,
      },
    ]);
    const wrapped = JSON.stringify({
      keys: [{ id: 9, key: PUBLIC_KEY, title: 'ci', read_only: true, created_at: '2024-01-01T00:00:00Z' }],
      repository: 'octo-org/api',
    });
    const { rows, problems } = await collect(
      githubOrgFormat.convert([textInput('tokens.json', pats), textInput('standard input', wrapped)]),
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.externalId, row.permissions![0]!.resources])).toEqual([
      ['personal-access-tokens/7', ['organizations/652551/repos/[public]']],
      ['repos/octo-org/api/keys/9', ['repos/octo-org/api']],
    ]);
    expect(rows[1]!.lastUsedAt).toBeUndefined();
  });

  it('names broken input by location: deploy keys without a repository (once per file), unknown records', async () => {
    const keys = JSON.stringify([
      { id: 1, key: PUBLIC_KEY, read_only: true },
      { id: 2, key: PUBLIC_KEY, read_only: false },
    ]);
    const { rows, problems } = await collect(
      githubOrgFormat.convert([
        textInput('keys.json', keys),
        textInput('other.json', '[{"login": "octocat"}, {"app_id": 1, "account": {}}]'),
      ]),
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        location: 'keys.json: [0]',
        problem:
          'deploy keys without their repository: name the file <owner>__<repo>.keys.json or wrap the list as {"repository": "owner/repo", "keys": [...]}; skipped',
      },
      { location: 'other.json: [0]', problem: 'is not an app installation, a deploy key or a personal access token grant; skipped' },
      { location: 'other.json: [1]', problem: 'an installation without an id; skipped' },
    ]);
  });

  it('fingerprints only well-formed public keys', () => {
    expect(sshFingerprint(`${PUBLIC_KEY} octocat@octomac`)).toBe('SHA256:zvz6TvQlTBdLqf1KHyYIHGHbfpx/xIi6VbTELwyLSgo');
    expect(sshFingerprint('ssh-rsa AAA...')).toBeUndefined();
    expect(sshFingerprint(PUBLIC_KEY.replace('ssh-ed25519', 'ssh-rsa'))).toBeUndefined();
  });
});
