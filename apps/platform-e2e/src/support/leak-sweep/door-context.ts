import type { E2ePlatform } from '../e2e-platform';
import type { LeakFinding, LeakLedger } from './leak-ledger';
import type { CorpusSecret } from './secret-corpus';
import type { HttpAnswer } from './sweep-http';

export type SweepRole = 'admin' | 'rita' | 'integrator';

/** What a door needs: the platform, tokens, the secrets, and where to report what callers were answered. */
export interface DoorContext {
  e2e: E2ePlatform;
  gateway: string;
  tokens: Record<SweepRole, string>;
  secrets: readonly CorpusSecret[];
  ledger: LeakLedger;
  /** The door being swept: findings are charged to it. */
  door: string;
  /** Counts what the door sent, for the coverage summary. */
  coverage: { requests: number; inputs: number };
}

/** Searches one answer (status, headers, body) for every secret; a find is a leak through the response. */
export function answered(ctx: DoorContext, what: string, answer: HttpAnswer): LeakFinding[] {
  ctx.coverage.requests += 1;
  return ctx.ledger.scan(`response to ${what}`, answer.text, ctx.door);
}

/** The gateway's own refusals (limits, timeouts): a request refused so never brought its secrets to the service under test. */
const REFUSED_BEFORE_THE_SERVICE =
  /"code":"(QUERY_TOO_COMPLEX|QUERY_TOO_DEEP|TOO_MANY_ALIASES|TOO_MANY_ROOT_FIELDS|BATCH_TOO_LARGE|PAYLOAD_TOO_LARGE|RATE_LIMITED|SUBGRAPH_TIMEOUT|GRAPHQL_PARSE_FAILED)"/;

/**
 * `answered`, for a door whose requests must reach the service: a request the gateway refused for
 * a limit would silently drop its secrets from the sweep (batches were made larger for speed, so this
 * guards the coverage), and fails the door instead.
 */
export function delivered(ctx: DoorContext, what: string, answer: HttpAnswer): LeakFinding[] {
  const found = answered(ctx, what, answer);
  const refused = REFUSED_BEFORE_THE_SERVICE.exec(answer.body);
  if (refused || answer.status >= 500) {
    throw new Error(
      `${what}: refused before the service (HTTP ${answer.status}, ${refused?.[1] ?? 'no code'}); its secrets were not swept`,
    );
  }
  return found;
}
