import { detectSecret } from '@nhi/secrets';
import { cleanText } from '../normalisation/text';
import type { RawIdentityRow } from './raw-identity-row';
import { ROW_LIMITS } from './validation/row-limits';
import { badCharacters } from './validation/text-checks';

/** A field's value when it is safe to show back: a plain string within its limit, not secret-looking, and not the field at fault. */
function echo(value: unknown, field: string, atFault: string, max: number): string | null {
  if (field === atFault || typeof value !== 'string') return null;
  const text = cleanText(value);
  if (!text || text.length > max || badCharacters(value, field) || detectSecret(value)) return null;
  return text;
}

/** What a rejected row's report entry may show to identify it: its externalId and name, unless those are what is wrong. */
export function echoOf(raw: RawIdentityRow, atFault: string): { externalId: string | null; name: string | null } {
  return {
    externalId: echo(raw?.externalId, 'externalId', atFault, ROW_LIMITS.externalId),
    name: echo(raw?.name, 'name', atFault, ROW_LIMITS.name),
  };
}
