import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The actor-signing key for a local platform: random, made on first start, kept
 * in the git-ignored .data folder so restarted services still trust each other.
 */
export function loadOrCreateActorSigningKey(dataDir: string): string {
  const file = path.join(dataDir, 'actor-signing.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
