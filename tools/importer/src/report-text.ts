import type { ImportProblem } from '@nhi/importers';

/** The parts of the inventory's ingest report the importer prints. */
export interface IngestReportView {
  dryRun: boolean;
  fullSnapshot: boolean;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
  rejectedCount: number;
  rejected: Array<{ externalId: string | null; reason: string }>;
  warningCount: number;
  warnings: Array<{ externalId: string | null; message: string }>;
}

function byReason(reasons: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${String(n).padStart(7)}  ${reason}`);
}

/** The ingest report and the converter's own problems, as a person reads them: totals first, then each reason with its count. */
export function reportText(report: IngestReportView, problems: readonly ImportProblem[], problemCount: number): string {
  const would = report.dryRun ? 'would be ' : '';
  const lines = [
    `${report.dryRun ? 'DRY RUN: nothing was changed.\n' : ''}${report.received} rows sent`,
    `  ${String(report.created).padStart(7)}  ${would}created`,
    `  ${String(report.updated).padStart(7)}  ${would}updated`,
    `  ${String(report.unchanged).padStart(7)}  unchanged`,
    ...(report.fullSnapshot ? [`  ${String(report.stale).padStart(7)}  ${would}marked STALE (left out of this full snapshot)`] : []),
    `  ${String(report.rejectedCount).padStart(7)}  rejected`,
    `  ${String(report.warningCount).padStart(7)}  warned`,
  ];
  if (report.rejectedCount > 0) lines.push('rejected rows, by reason:', ...byReason(report.rejected.map((r) => r.reason)));
  if (report.warningCount > 0) lines.push('warnings, by reason:', ...byReason(report.warnings.map((w) => w.message)));
  if (problemCount > 0) {
    lines.push(`${problemCount} parts of the export could not be converted:`);
    lines.push(...problems.slice(0, 20).map((p) => `  ${p.location}: ${p.problem}`));
    if (problemCount > 20) lines.push(`  … and ${problemCount - 20} more`);
  }
  return lines.join('\n');
}
