import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e-platform';

/** One labelled secret of libs/secrets/corpus, with what the sweep searches the sinks for. */
export interface CorpusSecret {
  /** `<format>#<n>`: the n-th sample of that format in the corpus file. */
  id: string;
  format: string;
  value: string;
  /**
   * Lower-cased strings whose presence anywhere means the secret leaked: its longest random token
   * as sent and URL-encoded (request logs, rebuilt URLs). A token rather than the whole value, so
   * that an echo inside JSON (escaped quotes), a lower-cased copy or a partial quote is found too.
   */
  needles: string[];
  /** What a failure message prints instead of the value: the id and a short hash. */
  label: string;
}

/** Characters of a token; anything else (space, quote, colon, @, backslash, newline) separates tokens. */
const TOKEN = /[A-Za-z0-9_\-+/=.~!]+/g;

/** The corpus wraps a third of its samples as prose or JSON; the secret is what is inside. */
function unwrap(value: string): string {
  const prose = /^leaked here: ([\s\S]*) \(oops\)$/.exec(value);
  if (prose?.[1]) return prose[1];
  if (value.startsWith('{"value":')) return (JSON.parse(value) as { value: string }).value;
  return value;
}

/**
 * The random part: the longest token, preferring a long one with the generator's FAKE marker (a key
 * id or a host name beside a password is not the secret; a short `fake-project` id is not either).
 */
export function secretToken(value: string): string {
  const tokens = (unwrap(value).match(TOKEN) ?? []).sort((a, b) => b.length - a.length);
  return tokens.find((token) => token.length >= 16 && token.toLowerCase().includes('fake')) ?? tokens[0] ?? value;
}

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 10);
}

export function loadSecretCorpus(file = path.join(ROOT, 'libs/secrets/corpus/secrets.ndjson')): CorpusSecret[] {
  const perFormat = new Map<string, number>();
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const { format, value } = JSON.parse(line) as { format: string; value: string };
      const n = perFormat.get(format) ?? 0;
      perFormat.set(format, n + 1);
      const token = secretToken(value);
      const needles = [...new Set([token, encodeURIComponent(token)].map((needle) => needle.toLowerCase()))];
      const id = `${format}#${n}`;
      return { id, format, value, needles, label: `${id} (sha256:${shortHash(value)})` };
    });
}
