/** What a dead letter of an integrator's result says instead of a text the platform did not take. */
export const WITHHELD_TEXT = '[withheld: an integrator text is not kept in a dead letter]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Plainly an id or a time: what an operator needs to find the attempt, and nothing that can hide a credential. */
const isIdOrTime = (value: string): boolean => UUID.test(value) || ISO_TIME.test(value);

/**
 * A refused integrator result (rotation or revocation, from outside the platform), as its dead letter may
 * keep it: the envelope and the ids and times of `data`; every other text of `data` (an error message,
 * a new credential fingerprint) is replaced. Such a text can be a credential in a shape no rule knows, a
 * token written as `sha256:<token>` in a fingerprint's place (issue 15), and a result the platform refused
 * is not applied, so nothing is lost that a replay would need beyond what the integrator can send again.
 * A value that is not a JSON event is left to screenDeadLetter's content check.
 */
export function withholdIntegratorText(value: Buffer | null): { value: Buffer | null; withheld: boolean } {
  if (!value) return { value, withheld: false };
  let event: unknown;
  try {
    event = JSON.parse(value.toString('utf8'));
  } catch {
    return { value, withheld: false };
  }
  const data = (event as { data?: unknown } | null)?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { value, withheld: false };
  let withheld = false;
  const kept = Object.fromEntries(
    Object.entries(data).map(([field, item]) => {
      if (typeof item !== 'string' || isIdOrTime(item)) return [field, item];
      withheld = true;
      return [field, WITHHELD_TEXT];
    }),
  );
  return withheld ? { value: Buffer.from(JSON.stringify({ ...(event as object), data: kept })), withheld } : { value, withheld };
}
