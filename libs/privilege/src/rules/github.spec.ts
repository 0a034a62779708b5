import type { PermissionStatement } from '../statement';
import {
  githubAdmin,
  githubCodeWrite,
  githubDeployKeyWrite,
  githubRead,
  githubSecrets,
  githubUnrecognisedAction,
  githubWrite,
} from './github';

const token = (permissions: string[], scope = 'acme/api'): PermissionStatement => ({
  effect: 'Allow',
  actions: permissions.map((permission) => `github:${permission}`),
  resources: [scope],
  via: 'fine-grained token release-bot',
});

describe('GitHub rules', () => {
  it.each([
    [githubAdmin, 'administration:write'],
    [githubAdmin, 'organization_administration:write'],
    [githubAdmin, 'members:write'],
    [githubSecrets, 'secrets:write'],
    [githubSecrets, 'secrets:read'],
    [githubCodeWrite, 'contents:write'],
    [githubCodeWrite, 'workflows:write'],
    [githubCodeWrite, 'actions:write'],
    [githubDeployKeyWrite, 'deploy_key:write'],
    [githubWrite, 'issues:write'],
    [githubRead, 'contents:read'],
    [githubRead, 'deploy_key:read'],
  ] as const)('%# fires for %s', (rule, permission) => {
    expect(rule.judge([token([permission])])).toHaveLength(1);
  });

  it('names the repository in the evidence', () => {
    expect(githubAdmin.judge([token(['administration:write'])])[0].evidence).toBe(
      'github:administration:write allowed on acme/api via fine-grained token release-bot',
    );
  });

  it('does not count a read of administration as admin, nor named writes as generic', () => {
    expect(githubAdmin.judge([token(['administration:read'])])).toEqual([]);
    expect(githubWrite.judge([token(['contents:write'])])).toEqual([]);
  });

  it('flags an action that is not permission:access', () => {
    expect(githubUnrecognisedAction.judge([token(['repo'])])).toHaveLength(1);
  });
});
