/** A seeded generator (mulberry32), so the committed corpus is the same on every run. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export const HEX = '0123456789abcdef';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const URLSAFE = ALNUM + '_-';
export const BASE64 = ALNUM + '+/';
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function uuid(r: Random): string {
  return `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
}

/** A random body that says it is fake where the alphabet allows, padded to `length`. */
export function fakeBody(r: Random, alphabet: string, length: number): string {
  const marker = 'FAKE';
  return length > 12 ? marker + r.chars(alphabet, length - marker.length) : r.chars(alphabet, length);
}

export interface CorpusSample {
  format: string;
  value: string;
  field: string;
}
