/** An audit record names at most this many targets; a bulk operation's record says how many more there were. */
export const MAX_TARGET_IDS = 100;

/**
 * Keys whose values are platform ids: `id`, `ids` and every `...Id` / `...Ids`
 * (identityId, identityIds, exceptionId, ownerId, campaignId, renewsId ...).
 * `externalId` is the provider's name for an identity, not a platform id.
 * `clientMutationId` and `idempotencyKey` (ADR 0037) are the caller's own
 * strings, in a payload-form mutation's input and echoed in its payload: they
 * name a call, not anything it acted on.
 */
const ID_KEY = /^(?:id|ids|[a-z][A-Za-z0-9]*Ids?)$/;
const NOT_TARGETS = new Set(['externalId', 'externalIds', 'clientMutationId', 'idempotencyKey']);

/** How deep into the arguments and the result ids are looked for: inputs and selectors, not whole object graphs. */
const MAX_DEPTH = 4;

export function isTargetKey(key: string): boolean {
  return ID_KEY.test(key) && !NOT_TARGETS.has(key);
}

function collect(value: unknown, depth: number, found: Set<string>, underIdKey: boolean): void {
  if (found.size >= MAX_TARGET_IDS || value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number') {
    if (underIdKey && String(value).length > 0) found.add(String(value).slice(0, 500));
    return;
  }
  if (typeof value !== 'object' || depth > MAX_DEPTH || value instanceof Date || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (found.size >= MAX_TARGET_IDS) return;
      // A list under an id key holds ids; a list of objects is searched like the objects themselves.
      collect(item, depth + (underIdKey ? 0 : 1), found, underIdKey);
    }
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    collect(item, depth + 1, found, isTargetKey(key));
  }
}

/**
 * The ids an operation acted on, for the audit record: those named in its
 * arguments (at any depth up to a few levels: `input.identityIds`,
 * `selector.ownerId`) followed by the ids of its result, each once, in order.
 */
export function extractTargetIds(args: unknown, result?: unknown): string[] {
  const found = new Set<string>();
  collect(args, 0, found, false);
  if (result !== undefined && !(result instanceof Error)) collect(result, 0, found, false);
  return [...found];
}
