import type { NhiKind } from '@nhi/contracts';
import { detectSecret } from '@nhi/secrets';
import { canonicalKind } from '../../normalisation/kind-vocabulary';
import { requiredText } from './field-readers';
import { reject } from './row-error';
import { ROW_LIMITS } from './row-limits';

/** The report's warning for a row whose kind word no vocabulary knows. Like a rejection, it never quotes the word. */
export const UNKNOWN_KIND_WARNING =
  "kind is not known, so the row is taken as OTHER and the source's word is kept as sourceKind " +
  '(an identity already of a known kind keeps it); use SERVICE_ACCOUNT, API_KEY, ACCESS_TOKEN, OAUTH_CLIENT, ' +
  'CERTIFICATE, SSH_KEY, SECRET, WORKLOAD_IDENTITY or AI_AGENT, or a common word such as svc-account or pat, to classify it';

export interface KindOfRow {
  kind: NhiKind;
  /** The source's word, cleaned, when no vocabulary knows it; null for a known word. */
  sourceKind: string | null;
}

/**
 * A row's kind. An unknown word no longer costs the row (a real export names
 * resource types we have not met, and dropping the identity would hide it from
 * governance): it becomes OTHER and the word is kept, already bounded and free
 * of NUL, control and bidi characters by requiredText.
 */
export function kindOf(value: unknown): KindOfRow {
  const word = requiredText(value, 'kind', ROW_LIMITS.kind);
  const kind = canonicalKind(word);
  if (kind) return { kind, sourceKind: null };
  // The row's scan refuses a secret-looking kind first; checked again here, where the word is about to be stored.
  const looksLike = detectSecret(word, { field: 'kind' });
  if (looksLike) reject('kind', `kind looks like ${looksLike}; the platform never stores secret material`);
  return { kind: 'OTHER', sourceKind: word };
}
