import { detectSecret, withholdSecretText } from '@nhi/secrets';
import type { HandshakeResult, ResultData } from './handshake-result';

/** The ids that name the attempt: checked against the JSON Schema, and needed to match it. */
const MATCHING_FIELDS = new Set(['requestId', 'nhiId']);

/**
 * What the platform keeps of an integrator's result. The result is still applied (a failure is a
 * failure, whatever its text says), but free text that looks like a secret never reaches a table,
 * an event or a log: a failure's error is replaced by a note naming the field, and any other text
 * field (a new credential fingerprint carrying a token) is dropped. `withheld` names those fields.
 */
export function screenResult<C extends ResultData>(result: HandshakeResult<C>): { result: HandshakeResult<C>; withheld: string[] } {
  if (result.outcome === 'failed') {
    const error = withholdSecretText(result.data.error, 'error');
    return {
      result: { source: result.source, outcome: 'failed', data: { ...result.data, error } },
      withheld: error === result.data.error ? [] : ['error'],
    };
  }
  const data = { ...result.data } as Record<string, unknown>;
  const withheld = Object.entries(data)
    .filter(([field, value]) => !MATCHING_FIELDS.has(field) && typeof value === 'string' && detectSecret(value, { field }) !== null)
    .map(([field]) => field);
  for (const field of withheld) delete data[field];
  return { result: { source: result.source, outcome: 'completed', data: data as unknown as C }, withheld };
}
