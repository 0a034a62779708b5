export interface RejectedRow {
  /** Position of the row in the request or upload, from 0. */
  index: number;
  /** The row's externalId, unless that is what looked secret. */
  externalId: string | null;
  reason: string;
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
}

/** More rejected rows than this are counted but not listed: a report must stay small. */
export const MAX_LISTED_REJECTIONS = 1000;

export function emptyReport(source: string, dryRun: boolean, fullSnapshot: boolean): IngestReport {
  return { source, dryRun, fullSnapshot, received: 0, created: 0, updated: 0, unchanged: 0, stale: 0, rejectedCount: 0, rejected: [] };
}
