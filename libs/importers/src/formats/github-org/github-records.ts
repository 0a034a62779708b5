import { isObject, textOf, type JsonObject } from '../shared/fields';

/** What a record of a GitHub REST export is, told by its shape. */
export type GithubRecord =
  | { type: 'installation'; value: JsonObject }
  | { type: 'deployKey'; value: JsonObject; repository?: string }
  | { type: 'deployKeys'; keys: unknown[]; repository?: string }
  | { type: 'personalAccessToken'; value: JsonObject }
  | { type: 'metadata' }
  | { type: 'unknown' };

export function classify(value: unknown): GithubRecord {
  if (!isObject(value)) return { type: 'unknown' };
  if ('app_id' in value && isObject(value['account'])) return { type: 'installation', value };
  if (typeof value['key'] === 'string' && 'read_only' in value) return { type: 'deployKey', value };
  if ('token_id' in value || 'access_granted_at' in value || 'token_expired' in value) return { type: 'personalAccessToken', value };
  if (Array.isArray(value['keys'])) return { type: 'deployKeys', keys: value['keys'], repository: textOf(value['repository']) };
  // What is left of `{ "total_count": 1, "installations": [...] }` once the list is read.
  if (Object.keys(value).every((key) => key === 'total_count')) return { type: 'metadata' };
  return { type: 'unknown' };
}

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** `owner/repo` from a wrapper's `repository`, or from a file named `<owner>__<repo>.keys.json`. */
export function repositoryOf(wrapped: string | undefined, fileName: string): string | undefined {
  if (wrapped) return REPOSITORY.test(wrapped) ? wrapped : undefined;
  const named = /^([A-Za-z0-9-]+)__([A-Za-z0-9._-]+)\.keys\.(json|ya?ml)$/i.exec(fileName);
  return named ? `${named[1]}/${named[2]}` : undefined;
}

/** The organization of a fine-grained token file, from its name `<org>.personal-access-tokens.json`. */
export function organizationOf(fileName: string): string | undefined {
  return /^([A-Za-z0-9-]+)\.personal-access-tokens\.(json|ya?ml)$/i.exec(fileName)?.[1];
}
