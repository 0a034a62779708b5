import type { CheckContext } from './context';
import { describeBacklog, isDrained, measureBacklog, type Backlog } from './backlog';
import { withAdmin } from './kafka-offsets';

const POLL_MS = 500;
/** How long the platform must stay drained before it counts as settled. */
export const STABLE_MS = 3_000;
const PROGRESS_EVERY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every outbox of the five databases is drained and every group of
 * the run has consumed every topic it reads, and that has held for STABLE_MS.
 * Resolves with how long it took; rejects with what was still waiting at the
 * timeout. A poll that fails (a broker or database still coming back) is
 * simply not a drained one.
 */
export async function waitForSettled(ctx: CheckContext, timeoutMs: number): Promise<{ ms: number }> {
  const started = Date.now();
  return withAdmin(ctx.brokers, async (admin) => {
    let drainedSince: number | null = null;
    let last: Backlog | null = null;
    let lastError: string | null = null;
    let reported = started;
    for (;;) {
      try {
        last = await measureBacklog(ctx, admin);
        lastError = null;
        if (isDrained(last)) {
          drainedSince ??= Date.now();
          if (Date.now() - drainedSince >= STABLE_MS) return { ms: Date.now() - started };
        } else {
          drainedSince = null;
        }
      } catch (error) {
        drainedSince = null;
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() - started > timeoutMs) {
        const waiting = lastError ? [`last poll failed: ${lastError}`] : last ? describeBacklog(last) : ['nothing measured'];
        throw new Error(`the platform did not settle within ${Math.round(timeoutMs / 1000)} s:\n  ${waiting.join('\n  ')}`);
      }
      if (Date.now() - reported >= PROGRESS_EVERY_MS) {
        reported = Date.now();
        const waiting = lastError ? [`poll failed: ${lastError}`] : last ? describeBacklog(last, 1) : [];
        ctx.progress(`settling (${Math.round((Date.now() - started) / 1000)} s): ${waiting.join(' | ') || 'drained, holding'}`);
      }
      await sleep(POLL_MS);
    }
  });
}
