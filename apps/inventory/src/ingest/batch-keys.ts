import { createHash } from 'node:crypto';
import { naturalKey } from '../identity-data/identity-store';
import type { NormalisedRow } from './normalised-row';

/** The first 64 bits of a SHA-256, as two 32-bit halves. */
function hash64(text: string): [number, number] {
  const digest = createHash('sha256').update(text).digest();
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)];
}

/** A digest of everything a row says, tags in key order, so two rows compare without keeping both. */
function contentOf(row: NormalisedRow): string {
  const tags = Object.entries(row.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ ...row, tags });
}

const INITIAL_SLOTS = 1 << 12;

/**
 * The natural keys a batch has carried so far. A source that reports one
 * identity twice in one batch with different fields has a bug we must not
 * paper over (folding the rows unioned scopes and raised privilege), so only an
 * identical repeat is merged; a different one is rejected.
 *
 * An upload of a million rows keeps one entry per identity for its whole run,
 * so an entry is 20 bytes in typed arrays (an open-addressing table of 64-bit
 * key and content hashes and the row's index) instead of two strings in a Map,
 * about ten times less. Two different keys sharing 64 bits of SHA-256 in one
 * batch (odds about n²/2⁶⁵, 3 in 100 million for a million rows) would only
 * make the later row a reported duplicate, never a silent merge: its content
 * hash would differ too.
 */
export class BatchKeys {
  private slots = INITIAL_SLOTS;
  private size = 0;
  /** Per slot: key hash (2), content hash (2), row index + 1 (0: empty). */
  private table = new Uint32Array(INITIAL_SLOTS * 5);

  /** Null when the row may go on; otherwise why it is refused. */
  check(index: number, row: NormalisedRow): string | null {
    const [k0, k1] = hash64(naturalKey(row));
    const [c0, c1] = hash64(contentOf(row));
    const slot = this.find(k0, k1);
    const at = slot * 5;
    if (this.table[at + 4] === 0) {
      this.table.set([k0, k1, c0, c1, index + 1], at);
      if (++this.size * 2 > this.slots) this.grow();
      return null;
    }
    if (this.table[at + 2] === c0 && this.table[at + 3] === c1) return null;
    const earlier = (this.table[at + 4] ?? 1) - 1;
    return `repeats the provider and externalId of row ${earlier} with different fields; send one row per identity in a batch`;
  }

  /** The slot holding this key, or the empty one where it would go (linear probing; the table is never over half full). */
  private find(k0: number, k1: number): number {
    let slot = ((k0 ^ Math.imul(k1, 0x9e3779b1)) >>> 0) & (this.slots - 1);
    for (;;) {
      const at = slot * 5;
      if (this.table[at + 4] === 0 || (this.table[at] === k0 && this.table[at + 1] === k1)) return slot;
      slot = (slot + 1) & (this.slots - 1);
    }
  }

  private grow(): void {
    const old = this.table;
    this.slots *= 2;
    this.table = new Uint32Array(this.slots * 5);
    for (let at = 0; at < old.length; at += 5) {
      if (old[at + 4] === 0) continue;
      const slot = this.find(old[at] ?? 0, old[at + 1] ?? 0);
      this.table.set(old.subarray(at, at + 5), slot * 5);
    }
  }
}
