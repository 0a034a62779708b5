import {
  awsAlmostAllActions,
  awsBroadDataRead,
  awsBroadSecretRead,
  awsComputeTakeover,
  awsFullAdmin,
  awsRead,
  awsServiceWildcard,
  awsUnrecognisedAction,
  awsWrite,
} from './aws-access';
import { awsPrivilegeEscalation, awsPrivilegeEscalationScoped } from './aws-escalation';
import { awsManagedPolicy, awsUnknownManagedPolicy } from './aws-managed-policy';
import { awsPassRoleEscalation, awsPassRoleScoped } from './aws-pass-role';
import {
  azureAccessAdmin,
  azureContributor,
  azureEntraPrivilegedRole,
  azureEntraSensitiveRole,
  azureGraphEscalation,
  azureGraphTenantWide,
  azureKeyVaultSecrets,
  azureOtherRole,
  azureOwner,
  azureReader,
  azureUnrecognisedAction,
  azureVmTakeover,
} from './azure';
import {
  gcpEditor,
  gcpIamEscalation,
  gcpIamEscalationScoped,
  gcpOtherRole,
  gcpOwner,
  gcpSecretAccess,
  gcpServiceAdmin,
  gcpUnrecognisedAction,
  gcpViewer,
} from './gcp';
import { genericEverything, genericRead, genericUnknownAction } from './generic';
import {
  githubAdmin,
  githubCodeWrite,
  githubDeployKeyWrite,
  githubRead,
  githubSecrets,
  githubUnrecognisedAction,
  githubWrite,
} from './github';
import {
  k8sClusterAdmin,
  k8sEscalateBindImpersonate,
  k8sNodesProxy,
  k8sPodExec,
  k8sRead,
  k8sSecretsClusterWide,
  k8sSecretsNamespaced,
  k8sTokenCreate,
  k8sUnrecognisedAction,
  k8sWorkloadCreate,
  k8sWrite,
} from './kubernetes';
import type { Rule } from './rule';

/**
 * Each provider's rules, most specific first: when several reach the same
 * level, the reasons list the named danger (an escalation action, a role by
 * name) before the generic class (a write, an unknown action).
 */
const RULES: Record<string, readonly Rule[]> = {
  aws: [
    awsFullAdmin,
    awsPrivilegeEscalation,
    awsPassRoleEscalation,
    awsManagedPolicy,
    awsAlmostAllActions,
    awsPrivilegeEscalationScoped,
    awsPassRoleScoped,
    awsBroadSecretRead,
    awsBroadDataRead,
    awsComputeTakeover,
    awsServiceWildcard,
    awsUnknownManagedPolicy,
    awsWrite,
    awsUnrecognisedAction,
    awsRead,
  ],
  kubernetes: [
    k8sClusterAdmin,
    k8sEscalateBindImpersonate,
    k8sSecretsClusterWide,
    k8sPodExec,
    k8sTokenCreate,
    k8sNodesProxy,
    k8sWorkloadCreate,
    k8sSecretsNamespaced,
    k8sWrite,
    k8sUnrecognisedAction,
    k8sRead,
  ],
  gcp: [
    gcpOwner,
    gcpIamEscalation,
    gcpIamEscalationScoped,
    gcpSecretAccess,
    gcpEditor,
    gcpServiceAdmin,
    gcpOtherRole,
    gcpUnrecognisedAction,
    gcpViewer,
  ],
  azure: [
    azureOwner,
    azureAccessAdmin,
    azureEntraPrivilegedRole,
    azureGraphEscalation,
    azureKeyVaultSecrets,
    azureVmTakeover,
    azureContributor,
    azureEntraSensitiveRole,
    azureGraphTenantWide,
    azureOtherRole,
    azureUnrecognisedAction,
    azureReader,
  ],
  github: [githubAdmin, githubSecrets, githubCodeWrite, githubDeployKeyWrite, githubWrite, githubUnrecognisedAction, githubRead],
  generic: [genericEverything, genericUnknownAction, genericRead],
};

/** The words inventory rows use for a provider (the estate generator's aliases, canonicalised upstream, and a few more). */
const ALIASES: Record<string, string> = {
  aws: 'aws',
  amazon: 'aws',
  kubernetes: 'kubernetes',
  k8s: 'kubernetes',
  gcp: 'gcp',
  google: 'gcp',
  azure: 'azure',
  entra: 'azure',
  aad: 'azure',
  github: 'github',
};

/** The rule set a provider's statements are judged by; `generic` for providers without rules of their own. */
export function providerKey(provider: string): string {
  return ALIASES[provider.trim().toLowerCase()] ?? 'generic';
}

export function rulesFor(provider: string): readonly Rule[] {
  return RULES[providerKey(provider)];
}

/** Every rule, once per id and provider, for the docs and for tests that check each names its sources. */
export function allRules(): ReadonlyArray<{ provider: string; rule: Rule }> {
  return Object.entries(RULES).flatMap(([provider, rules]) => rules.map((rule) => ({ provider, rule })));
}
