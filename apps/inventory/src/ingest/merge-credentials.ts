import { timeOrderedUuid } from '@nhi/contracts';
import type { StoredCredential } from '../identity-data/credential';
import type { NormalisedCredential } from './validation/credential-reader';

const keyOf = (c: Pick<StoredCredential, 'type' | 'externalId'>) => `${c.type}\n${c.externalId}`;
const iso = (date: Date | null) => date?.toISOString() ?? null;

function later(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/**
 * The credentials after a sighting (null: no source has listed them yet). A
 * source that says nothing of them leaves them as they were; one that lists them is the truth about which exist now (a
 * key deleted at the provider is gone from its list). A credential seen again,
 * by type and externalId, keeps its id, and its last use only moves forward.
 */
export function mergeCredentials(
  previous: readonly StoredCredential[] | null,
  incoming: readonly NormalisedCredential[] | null,
): StoredCredential[] | null {
  if (incoming === null) return previous === null ? null : [...previous];
  const known = new Map((previous ?? []).map((c) => [keyOf(c), c]));
  return incoming
    .map((c): StoredCredential => {
      const before = known.get(keyOf(c));
      const lastUsedAt = later(before?.lastUsedAt ?? null, iso(c.lastUsedAt));
      return {
        id: before?.id ?? timeOrderedUuid(),
        type: c.type,
        externalId: c.externalId,
        fingerprint: c.fingerprint ?? before?.fingerprint ?? null,
        status: c.status,
        createdAt: iso(c.createdAt) ?? before?.createdAt ?? null,
        expiresAt: iso(c.expiresAt),
        lastUsedAt,
        neverUsed: lastUsedAt === null && c.neverUsed,
        lastRotatedAt: iso(c.lastRotatedAt) ?? before?.lastRotatedAt ?? null,
      };
    })
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
}
