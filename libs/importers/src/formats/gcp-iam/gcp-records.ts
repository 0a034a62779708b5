import { isObject, lastSegment, listOf, objectOf, textOf, textsOf, type JsonObject } from '../shared/fields';

/** What a record of a gcloud export is, told by its shape. */
export type GcpRecord =
  | { type: 'serviceAccount'; account: ServiceAccount }
  | { type: 'key'; email: string; key: JsonObject }
  | { type: 'policy'; resource: string | null; policy: JsonObject }
  | { type: 'keyFile' }
  | { type: 'unknown' };

export interface ServiceAccount {
  email: string;
  project: string;
  uniqueId?: string;
  displayName?: string;
  disabled: boolean;
}

export interface PolicyBinding {
  role: string;
  members: string[];
  conditional: boolean;
}

const SA_NAME = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)$/;
const KEY_NAME = /^projects\/[^/]+\/serviceAccounts\/([^/]+)\/keys\/[^/]+$/;
const SA_DOMAIN = /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;

/** The project of an account's email (`x@my-project.iam.gserviceaccount.com`), or `-` (any project, as the API writes it). */
export const projectOfEmail = (email: string): string => SA_DOMAIN.exec(email)?.[1] ?? '-';

/** Tells a record apart: a ServiceAccount, a ServiceAccountKey, a Policy (bare, wrapped or an asset search result). */
export function classify(value: unknown): GcpRecord {
  if (!isObject(value)) return { type: 'unknown' };
  // A key file from `gcloud iam service-accounts keys create` holds the private key: never read.
  if (value['type'] === 'service_account' && 'private_key' in value) return { type: 'keyFile' };
  if (isObject(value['policy']) && textOf(value['resource'])) {
    return { type: 'policy', resource: textOf(value['resource']) ?? null, policy: value['policy'] };
  }
  if (Array.isArray(value['bindings']) || (typeof value['etag'] === 'string' && !('email' in value) && !('name' in value))) {
    return { type: 'policy', resource: null, policy: value };
  }
  const keyName = KEY_NAME.exec(textOf(value['name']) ?? '');
  if (keyName || textOf(value['keyType'])) {
    return keyName?.[1] ? { type: 'key', email: keyName[1].toLowerCase(), key: value } : { type: 'unknown' };
  }
  const account = serviceAccountOf(value);
  return account ? { type: 'serviceAccount', account } : { type: 'unknown' };
}

function serviceAccountOf(value: JsonObject): ServiceAccount | null {
  const email = textOf(value['email'])?.toLowerCase();
  if (!email || !email.includes('@')) return null;
  const named = SA_NAME.exec(textOf(value['name']) ?? '');
  const project = textOf(value['projectId']) ?? (named && named[1] !== '-' ? named[1] : undefined) ?? projectOfEmail(email);
  return {
    email,
    project,
    uniqueId: textOf(value['uniqueId']),
    displayName: textOf(value['displayName']),
    disabled: value['disabled'] === true,
  };
}

/** A policy's bindings; a binding without a role or members is reported by index. */
export function bindingsOf(policy: JsonObject): { bindings: PolicyBinding[]; faults: number[] } {
  const bindings: PolicyBinding[] = [];
  const faults: number[] = [];
  listOf(policy['bindings']).forEach((binding, i) => {
    const role = textOf(objectOf(binding)['role']);
    const members = textsOf(objectOf(binding)['members']);
    if (!role || !members.length) faults.push(i);
    else bindings.push({ role, members, conditional: isObject(objectOf(binding)['condition']) });
  });
  return { bindings, faults };
}

/**
 * The resource a policy is set on, as the API names it (`projects/p`,
 * `organizations/1`, `projects/p/serviceAccounts/a@p.iam.gserviceaccount.com`),
 * from a wrapper's or asset search result's `resource`
 * (`//cloudresourcemanager.googleapis.com/projects/p`), else from the file name:
 * `<project-id>.policy.json` or `<account email>.policy.json`.
 */
export function policyResource(resource: string | null, fileName: string): string | null {
  if (resource) {
    const bare = resource.replace(/^\/\/[^/]+\//, '');
    return /^(projects|folders|organizations)\/[^/]+(\/serviceAccounts\/[^/]+)?$/.test(bare) ? bare : null;
  }
  const stem = /^(.+)\.policy\.(json|ya?ml)$/i.exec(fileName)?.[1];
  if (!stem) return null;
  if (stem.includes('@')) return `projects/${projectOfEmail(stem.toLowerCase())}/serviceAccounts/${stem.toLowerCase()}`;
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(stem) ? `projects/${stem}` : null;
}

/** How a reviewer reads where a binding is: `project my-proj`, `service account a@p.iam…`, `organizations/1`. */
export function resourceWords(resource: string): string {
  const account = /\/serviceAccounts\/([^/]+)$/.exec(resource);
  if (account) return `service account ${account[1]}`;
  const project = /^projects\/([^/]+)$/.exec(resource);
  return project ? `project ${project[1]}` : resource;
}

export const keyIdOf = (key: JsonObject): string => lastSegment(textOf(key['name']) ?? '');
