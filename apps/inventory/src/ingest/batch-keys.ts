import { createHash } from 'node:crypto';
import { naturalKey } from '../identity-data/identity-store';
import type { NormalisedRow } from './normalised-row';

/** A digest of everything a row says, tags in key order, so two rows compare without keeping both (128 bits are plenty). */
function digestOf(row: NormalisedRow): string {
  const tags = Object.entries(row.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify({ ...row, tags }))
    .digest('base64')
    .slice(0, 22);
}

/**
 * The natural keys a batch has carried so far. A source that reports one
 * identity twice in one batch with different fields has a bug we must not
 * paper over (folding the rows unioned scopes and raised privilege), so only an
 * identical repeat is merged; a different one is rejected.
 */
export class BatchKeys {
  // "<index> <digest>" strings, not objects: an NDJSON upload of millions of rows keeps one entry per identity.
  private readonly seen = new Map<string, string>();

  /** Null when the row may go on; otherwise why it is refused. */
  check(index: number, row: NormalisedRow): string | null {
    const key = naturalKey(row);
    const digest = digestOf(row);
    const earlier = this.seen.get(key);
    if (earlier === undefined) {
      this.seen.set(key, `${index} ${digest}`);
      return null;
    }
    const [earlierIndex, earlierDigest] = earlier.split(' ');
    if (earlierDigest === digest) return null;
    return `repeats the provider and externalId of row ${earlierIndex} with different fields; send one row per identity in a batch`;
  }
}
