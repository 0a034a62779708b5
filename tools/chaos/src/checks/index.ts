import { auditComplete } from './audit-complete';
import { crashedResult } from './check-result';
import type { Check, CheckContext, CheckResult } from './context';
import { identitiesEverywhere } from './identities-everywhere';
import { metricsRebuild } from './metrics-rebuild';
import { outboxAndLag } from './outbox-and-lag';
import { poisonParked } from './poison-parked';
import { requestsTerminal } from './requests-terminal';

export type { CheckContext, CheckResult, ServiceName } from './context';
export { SERVICE_NAMES } from './context';
export { waitForSettled } from './settled';
export { OVERSIZED_BYTES } from './poison-parked';

/** The checks, in the order they run. */
export const CHECKS: readonly Check[] = [identitiesEverywhere, requestsTerminal, metricsRebuild, poisonParked, auditComplete, outboxAndLag];

export const CHECK_NAMES: readonly string[] = CHECKS.map((check) => check.name);

/**
 * Runs every check (or those named in `only`) one after the other, from the
 * outside: databases, topics and one more metrics process, never the services'
 * code. A check that throws is a failed result saying why, and the rest still run.
 */
export async function runChecks(ctx: CheckContext, only?: readonly string[]): Promise<CheckResult[]> {
  const unknown = (only ?? []).filter((name) => !CHECK_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`no check named ${unknown.join(', ')}; the checks are ${CHECK_NAMES.join(', ')}`);
  const results: CheckResult[] = [];
  for (const check of CHECKS.filter((c) => !only || only.includes(c.name))) {
    const started = Date.now();
    ctx.progress(`check ${check.name} ...`);
    let result: CheckResult;
    try {
      result = await check.run(ctx);
    } catch (error) {
      result = crashedResult(check.name, error);
    }
    ctx.progress(
      `check ${check.name}: ${result.ok ? 'ok' : 'FAILED'} (lost ${result.lost}, doubled ${result.doubled}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    results.push(result);
  }
  return results;
}
