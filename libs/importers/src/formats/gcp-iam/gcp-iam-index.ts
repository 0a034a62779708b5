import type { PermissionStatement } from '@nhi/privilege';
import type { ImportedCredential, ImportProblem } from '../../import-row';
import { expiryOf, timeOf, type JsonObject } from '../shared/fields';
import { bindingsOf, keyIdOf, policyResource, resourceWords, type ServiceAccount } from './gcp-records';

/** Roles that let a member act as a service account (mint its tokens, attach it, federate into it). */
const IMPERSONATION_ROLES = new Set([
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountUser',
  'roles/iam.workloadIdentityUser',
]);

export interface Grant {
  scope: string;
  statement: PermissionStatement;
}

interface KeyEntry {
  credential: ImportedCredential;
  location: string;
}

const SA_MEMBER = /^serviceAccount:(.+)$/i;

/** A member as a trusted principal: allUsers and allAuthenticatedUsers are `*`; deleted members are gone. */
const trustedOf = (member: string): string | null =>
  member === 'allUsers' || member === 'allAuthenticatedUsers' ? '*' : member.startsWith('deleted:') ? null : member;

/**
 * Keys and policies of a gcloud export (the first pass), by service account:
 * user-managed keys, the bindings whose members name an account, and who may
 * impersonate an account (bindings of the impersonation roles on the account,
 * or on its project).
 */
export class GcpIamIndex {
  private readonly keys = new Map<string, KeyEntry[]>();
  private readonly grants = new Map<string, Grant[]>();
  private readonly trustByAccount = new Map<string, Set<string>>();
  private readonly trustByProject = new Map<string, Set<string>>();

  addKey(email: string, key: JsonObject, location: string): ImportProblem[] {
    if (key['keyType'] === 'SYSTEM_MANAGED') return [];
    const id = keyIdOf(key);
    if (!id) return [{ location, problem: 'a key without a name; skipped' }];
    const credential: ImportedCredential = {
      type: 'SERVICE_ACCOUNT_KEY',
      externalId: id,
      status: key['disabled'] === true ? 'INACTIVE' : 'ACTIVE',
      createdAt: timeOf(key['validAfterTime']),
      expiresAt: expiryOf(key['validBeforeTime']),
    };
    const list = this.keys.get(email) ?? [];
    if (!list.some((entry) => entry.credential.externalId === id)) list.push({ credential, location });
    this.keys.set(email, list);
    return [];
  }

  addPolicy(resource: string | null, policy: JsonObject, location: string, fileName: string): ImportProblem[] {
    const target = policyResource(resource, fileName);
    if (!target) {
      return [
        {
          location,
          problem: resource
            ? 'resource is not a project, folder, organization or service account; skipped'
            : 'cannot tell which resource the policy is set on: name the file <project-id>.policy.json or <account email>.policy.json, or wrap it as {"resource": ..., "policy": ...}; skipped',
        },
      ];
    }
    const { bindings, faults } = bindingsOf(policy);
    for (const binding of bindings) {
      const via = `${resourceWords(target)} binding ${binding.role}`;
      const statement: PermissionStatement = {
        effect: 'Allow',
        actions: [`gcp:${binding.role}`],
        resources: [target],
        ...(binding.conditional ? { conditional: true } : {}),
        via,
      };
      const scope = `${binding.role} on ${target}${binding.conditional ? ' (conditional)' : ''}`;
      for (const member of binding.members) {
        const account = SA_MEMBER.exec(member)?.[1]?.toLowerCase();
        if (account) this.grants.set(account, [...(this.grants.get(account) ?? []), { scope, statement }]);
      }
      if (IMPERSONATION_ROLES.has(binding.role)) this.addTrust(target, binding.members);
    }
    return faults.map((i) => ({ location, problem: `bindings[${i}] has no role or no members; skipped` }));
  }

  private addTrust(target: string, members: string[]): void {
    const account = /\/serviceAccounts\/([^/]+)$/.exec(target)?.[1]?.toLowerCase();
    const project = /^projects\/([^/]+)$/.exec(target)?.[1];
    const map = account ? this.trustByAccount : project ? this.trustByProject : null;
    const key = account ?? project;
    if (!map || !key) return;
    const set = map.get(key) ?? new Set<string>();
    for (const member of members) {
      const trusted = trustedOf(member);
      if (trusted) set.add(trusted);
    }
    map.set(key, set);
  }

  /** What the index holds for an account; its keys are then taken (so what is left belongs to accounts not exported). */
  take(account: ServiceAccount): { credentials: ImportedCredential[]; grants: Grant[]; trustedPrincipals: string[] } {
    const keys = this.keys.get(account.email) ?? [];
    this.keys.delete(account.email);
    const trusted = [
      ...(this.trustByAccount.get(account.email) ?? []),
      ...(account.uniqueId ? (this.trustByAccount.get(account.uniqueId) ?? []) : []),
      ...(this.trustByProject.get(account.project) ?? []),
    ];
    return {
      credentials: keys.map((entry) => entry.credential),
      grants: this.grants.get(account.email) ?? [],
      trustedPrincipals: [...new Set(trusted)].filter((member) => member.toLowerCase() !== `serviceaccount:${account.email}`),
    };
  }

  /** A problem for the keys of each account that was not in any service-account list. */
  leftoverKeys(): ImportProblem[] {
    return [...this.keys.values()].map((entries) => ({
      location: entries[0]?.location ?? '',
      problem: `${entries.length} user-managed key(s) of a service account that is not in the service-account lists; not imported`,
    }));
  }
}
