import type { CheckResult } from './conformance-case';

/** A plain-text table of the checks, one per line, PASS or FAIL first so it reads in any terminal or CI log. */
export function reportTable(results: readonly CheckResult[]): string {
  const width = (pick: (r: CheckResult) => string, title: string) => Math.max(title.length, ...results.map((r) => pick(r).length));
  const caseWidth = width((r) => r.caseName, 'case');
  const checkWidth = width((r) => r.check, 'check');
  const line = (status: string, caseName: string, check: string, detail: string) =>
    `${status.padEnd(6)}${caseName.padEnd(caseWidth + 2)}${check.padEnd(checkWidth + 2)}${detail}`.trimEnd();
  const failed = results.filter((r) => !r.passed).length;
  return [
    line('', 'case', 'check', 'detail'),
    ...results.map((r) => line(r.passed ? 'PASS' : 'FAIL', r.caseName, r.check, r.detail)),
    '',
    failed === 0 ? `conformant: all ${results.length} checks passed` : `not conformant: ${failed} of ${results.length} checks failed`,
  ].join('\n');
}
