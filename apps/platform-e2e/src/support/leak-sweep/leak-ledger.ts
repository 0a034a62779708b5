import { NeedleSearch } from './needle-search';
import type { CorpusSecret } from './secret-corpus';

/** A secret seen where it must never be: `where` names the sink (response, log file, table, topic). */
export interface LeakFinding {
  secret: CorpusSecret;
  where: string;
  /** The door whose step first saw it (a sink is swept after each door; a late echo is charged to the next door). */
  door: string;
}

/**
 * Every place each secret was seen, once per (door, secret, place). It never keeps or prints the
 * value: findings name the secret by its corpus id and a short hash.
 */
export class LeakLedger {
  private readonly seen = new Map<string, LeakFinding>();
  private readonly search: NeedleSearch;

  constructor(readonly secrets: readonly CorpusSecret[]) {
    this.search = new NeedleSearch(secrets);
  }

  /** Searches one text (case-insensitively) for every secret; returns the findings new to the ledger. */
  scan(where: string, text: string, door: string): LeakFinding[] {
    if (!text) return [];
    const present = this.search.secretsIn(text.toLowerCase());
    const found: LeakFinding[] = [];
    for (const secret of this.secrets) {
      if (!present.has(secret)) continue;
      const key = `${door}\u0000${secret.id}\u0000${where}`;
      if (this.seen.has(key)) continue;
      const finding = { secret, where, door };
      this.seen.set(key, finding);
      found.push(finding);
    }
    return found;
  }

  findings(door?: string): LeakFinding[] {
    return [...this.seen.values()].filter((finding) => door === undefined || finding.door === door);
  }
}

/** Findings grouped by door and place, each with the secrets (format, id, hash) found there: what a failing test prints. */
export function describeFindings(findings: readonly LeakFinding[]): string {
  const byPlace = new Map<string, LeakFinding[]>();
  for (const finding of findings) {
    const place = `[${finding.door}] ${finding.where}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), finding]);
  }
  return [...byPlace.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([place, list]) => {
      const formats = [...new Set(list.map((f) => f.secret.format))];
      const shown = list.slice(0, 6).map((f) => f.secret.label);
      const more = list.length > shown.length ? ` and ${list.length - shown.length} more` : '';
      return `- ${place}: ${list.length} secret(s) in ${formats.length} format(s) (${formats.join(', ')}), e.g. ${shown.join(', ')}${more}`;
    })
    .join('\n');
}
