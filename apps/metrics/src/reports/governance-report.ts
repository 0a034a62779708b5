import type { ControlCoverage, Framework } from '../governance/framework-controls';
import type { BusinessUnitAdoptionModel, GovernanceSummaryModel } from '../summary/governance-summary.model';

/** Everything an auditor asks for, as of one time. */
export interface GovernanceReport {
  at: string;
  asOf: string;
  summary: GovernanceSummaryModel;
  adoption: BusinessUnitAdoptionModel[];
  frameworkCoverage: Record<Framework, ControlCoverage[]>;
}

type Cell = string | number | boolean | null;

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per figure: section, scope, item, measure, value. Long rather than
 * wide, so every section fits one header and a spreadsheet can pivot it.
 */
export function reportCsv(report: GovernanceReport): string {
  const rows: Cell[][] = [['section', 'scope', 'item', 'measure', 'value']];
  const { summary } = report;
  rows.push(['report', '', '', 'at', report.at], ['report', '', '', 'asOf', report.asOf]);
  for (const [measure, value] of Object.entries(summary)) {
    if (Array.isArray(value) || value instanceof Date) continue;
    rows.push(['summary', 'estate', '', measure, value as Cell]);
  }
  for (const [measure, counts] of [
    ['byKind', summary.byKind],
    ['byEnvironment', summary.byEnvironment],
    ['byProvider', summary.byProvider],
  ] as const) {
    for (const { key, count } of counts) rows.push(['summary', 'estate', key, measure, count]);
  }
  for (const { category, count } of summary.findingsByCategory) rows.push(['summary', 'estate', category, 'openFindings', count]);
  for (const unit of report.adoption) {
    for (const [measure, value] of Object.entries(unit)) {
      if (measure !== 'businessUnit') rows.push(['adoption', unit.businessUnit ?? '(none)', '', measure, value as Cell]);
    }
  }
  for (const [framework, controls] of Object.entries(report.frameworkCoverage)) {
    for (const control of controls) {
      rows.push(['framework', framework, control.controlId, 'status', control.status]);
      rows.push(['framework', framework, control.controlId, 'value', control.value]);
      rows.push(['framework', framework, control.controlId, 'evidence', control.evidence.join('; ')]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
