export interface RejectedRow {
  /** Position of the row in the request or upload, from 0. */
  index: number;
  /** The row's externalId, unless that is the field at fault or it looked secret. */
  externalId: string | null;
  /** The row's name, unless that is the field at fault or it looked secret. */
  name: string | null;
  reason: string;
}

/** Something the ingest did that the sender should know, though nothing was refused for it. */
export interface IngestWarning {
  /** The row it is about, or null when it is about the whole batch. */
  index: number | null;
  /** The row's externalId, canonical as stored; null for the whole batch or when it is the field warned about. */
  externalId: string | null;
  /** The row's name, as stored; null for the whole batch or when it is the field warned about. */
  name: string | null;
  /** Which field and what happened to it; never the value. */
  message: string;
}

export interface IngestReport {
  source: string;
  dryRun: boolean;
  fullSnapshot: boolean;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Identities that became STALE because this full snapshot, and earlier ones, left them out. */
  stale: number;
  rejectedCount: number;
  /** The first rejected rows (all of them up to a limit), each with the reason. */
  rejected: RejectedRow[];
  warningCount: number;
  /** The batch's warnings, and the first rows' warnings (up to a limit). */
  warnings: IngestWarning[];
}

/** More rejected rows than this are counted but not listed: a report must stay small. */
export const MAX_LISTED_REJECTIONS = 1000;

/** Likewise for warned rows (the list holds at most this many before a batch warning); a warning about the whole batch is always listed. */
export const MAX_LISTED_ROW_WARNINGS = 1000;

export function emptyReport(source: string, dryRun: boolean, fullSnapshot: boolean): IngestReport {
  return {
    source,
    dryRun,
    fullSnapshot,
    received: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
    rejectedCount: 0,
    rejected: [],
    warningCount: 0,
    warnings: [],
  };
}

export function addRejection(report: IngestReport, rejection: RejectedRow): void {
  report.rejectedCount += 1;
  if (report.rejected.length < MAX_LISTED_REJECTIONS) report.rejected.push(rejection);
}

/** A warning about one row: counted, and listed while the report has room. */
export function addRowWarning(report: IngestReport, warning: IngestWarning & { index: number }): void {
  report.warningCount += 1;
  if (report.warnings.length < MAX_LISTED_ROW_WARNINGS) report.warnings.push(warning);
}

/** A warning about the whole batch: always listed. */
export function addBatchWarning(report: IngestReport, message: string): void {
  report.warningCount += 1;
  report.warnings.push({ index: null, externalId: null, name: null, message });
}
