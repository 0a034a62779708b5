import type { PermissionStatement } from '@nhi/privilege';
import type { ImportedCredential, ImportProblem } from '../../import-row';
import { textOf, type JsonObject } from '../shared/fields';
import { credentialsOf, objectId } from './azure-records';

export interface Grant {
  scope: string;
  statement: PermissionStatement;
}

interface Pending<T> {
  value: T;
  location: string;
}

/**
 * What the first pass keeps, by object id: user-assigned identities (merged into
 * their service principal's row, or rows of their own), role assignments, and
 * app registrations' credentials (by appId, for the application's service principal).
 */
export class AzureIndex {
  private readonly identities = new Map<string, Pending<JsonObject>>();
  private readonly grants = new Map<string, Grant[]>();
  private readonly appCredentials = new Map<string, Pending<ImportedCredential[]>>();

  addIdentity(identity: JsonObject, location: string): ImportProblem[] {
    const principalId = objectId(identity['principalId']);
    if (!principalId) return [{ location, problem: 'a managed identity without a principalId; skipped' }];
    if (!this.identities.has(principalId)) this.identities.set(principalId, { value: identity, location });
    return [];
  }

  addRoleAssignment(assignment: JsonObject, location: string): ImportProblem[] {
    const principalType = textOf(assignment['principalType']);
    if (principalType && principalType !== 'ServicePrincipal') return [];
    const principalId = objectId(assignment['principalId']) ?? '';
    const role = textOf(assignment['roleDefinitionName']);
    const scope = textOf(assignment['scope']) ?? '';
    if (!role) {
      return [
        {
          location,
          problem: 'roleDefinitionName is missing (az role assignment list fills it in unless --fill-role-definition-name false); skipped',
        },
      ];
    }
    const conditional = Boolean(textOf(assignment['condition']));
    const statement: PermissionStatement = {
      effect: 'Allow',
      actions: [`azure:${role}`],
      resources: [scope],
      ...(conditional ? { conditional: true } : {}),
      via: `role assignment ${role} on ${scope}`,
    };
    const grant = { scope: `${role} on ${scope}${conditional ? ' (conditional)' : ''}`, statement };
    this.grants.set(principalId, [...(this.grants.get(principalId) ?? []), grant]);
    return [];
  }

  addApplication(application: JsonObject, location: string): ImportProblem[] {
    const appId = objectId(application['appId']);
    const credentials = credentialsOf(application);
    if (appId && credentials.length) this.appCredentials.set(appId, { value: credentials, location });
    return [];
  }

  grantsOf(principalId: string): Grant[] {
    return this.grants.get(principalId) ?? [];
  }

  /** The user-assigned identity of a principal id, taken (what is left has no service principal in the export). */
  takeIdentity(principalId: string): JsonObject | undefined {
    const identity = this.identities.get(principalId);
    this.identities.delete(principalId);
    return identity?.value;
  }

  /** The credentials of an app registration, taken. */
  takeAppCredentials(appId: string | undefined): ImportedCredential[] {
    if (!appId) return [];
    const credentials = this.appCredentials.get(appId);
    this.appCredentials.delete(appId);
    return credentials?.value ?? [];
  }

  leftoverIdentities(): Array<Pending<JsonObject>> {
    return [...this.identities.values()];
  }

  leftoverApplications(): ImportProblem[] {
    return [...this.appCredentials.values()].map(({ value, location }) => ({
      location,
      problem: `an app registration whose service principal is not in the export; its ${value.length} credential(s) are not imported`,
    }));
  }
}
