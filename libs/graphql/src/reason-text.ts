import { badInput } from './pagination';

/** The longest reason or note kept: the integrator contracts carry a reason of at most this many characters. */
export const MAX_REASON_LENGTH = 1000;

/**
 * A reason or note a person typed for a request or a decision, trimmed. Refused as BAD_USER_INPUT on `field`, never
 * quoting it, when it is blank (`sayWhy` tells what to write, such as "say why the credential must be rotated") or
 * longer than MAX_REASON_LENGTH: a longer one would break the contract of the event that carries it. (A pasted
 * credential never gets this far: FreeTextSecretsInterceptor refuses it for every argument.)
 */
export function reasonText(value: string | null | undefined, field: string, sayWhy: string): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(`${field} is required: ${sayWhy}`, field);
  if (text.length > MAX_REASON_LENGTH) {
    throw badInput(`${field} is ${text.length} characters; at most ${MAX_REASON_LENGTH} are kept`, field);
  }
  return text;
}
