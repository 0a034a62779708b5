import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** CRC32 of the token's random part in base62, left-padded to 6 characters, as GitHub appends it. */
export function githubChecksum(randomPart: string): string {
  let n = crc32(randomPart);
  let digits = '';
  while (n > 0) {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  }
  return digits.padStart(6, '0');
}

/** True when the last 6 characters of a classic token's body are the CRC32 of the 30 before them. */
export function hasValidGithubChecksum(body: string): boolean {
  return body.length === 36 && githubChecksum(body.slice(0, 30)) === body.slice(30);
}
