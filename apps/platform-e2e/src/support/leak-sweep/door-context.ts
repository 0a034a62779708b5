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
