import type { Request } from 'express';
import { AuditRecorder, type AuditEntry } from '@nhi/audit';
import type { Actor } from '@nhi/auth';
import type { IngestReport } from '../ingest/ingest-report';
import { canonicalSource } from '../ingest/ingest.service';
import { NDJSON_TYPES } from './ndjson-types';

/**
 * The audit record of one upload to POST /ingest/{source}: one record per
 * request, whatever its outcome, that names the source (not each identity),
 * the options and the row counts, and never the uploaded rows.
 */
export class BulkIngestAudit {
  private readonly startedAt = new Date();
  private readonly source: string;
  private readonly input: Record<string, unknown>;
  actor: Actor | null = null;

  constructor(
    private readonly recorder: AuditRecorder,
    /** The path parameter when it matched the source-name pattern; null otherwise, and then never recorded. */
    source: string | null,
    options: { fullSnapshot: string | undefined; dryRun: string | undefined; force: string | undefined },
    req: Request,
  ) {
    this.source = sourceForAudit(source);
    this.input = {
      source: source ?? INVALID,
      fullSnapshot: flagForAudit(options.fullSnapshot),
      dryRun: flagForAudit(options.dryRun),
      force: flagForAudit(options.force),
      contentType: contentTypeForAudit(req.header('content-type')),
      contentLength: lengthForAudit(req.header('content-length')),
    };
  }

  succeeded(report: IngestReport): Promise<void> {
    return this.record({ outcome: 'SUCCEEDED' }, countsOf(report));
  }

  refused(status: 401 | 403, message: string): Promise<void> {
    return this.record({ outcome: 'FORBIDDEN', errorCode: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', error: message });
  }

  rejected(errorCode: string, message: string): Promise<void> {
    return this.record({ outcome: 'REJECTED', errorCode, error: message });
  }

  failed(error: unknown): Promise<void> {
    return this.record({ error });
  }

  private record(result: AuditEntry['result'], details: AuditEntry['details'] = null): Promise<void> {
    return this.recorder.record({
      actor: this.actor,
      operation: 'bulkIngest',
      targetIds: [this.source],
      input: this.input,
      result,
      details,
      startedAt: this.startedAt,
    });
  }
}

/** What a record shows for a value that failed its check: the record says so, and never holds the value. */
const INVALID = '(invalid)';

/** The canonical source when the name is acceptable, so records of one connector share one target id. */
function sourceForAudit(source: string | null): string {
  if (source === null) return INVALID;
  try {
    return canonicalSource(source);
  } catch {
    return INVALID;
  }
}

/** Query parameters are the client's text: only the values the endpoint accepts are recorded as sent. */
function flagForAudit(value: string | undefined): string | null {
  if (value === undefined) return null;
  return ['', 'true', 'false'].includes(value) ? value : INVALID;
}

function contentTypeForAudit(header: string | undefined): string | null {
  if (header === undefined) return null;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return NDJSON_TYPES.includes(type) || type === 'application/json' ? type : INVALID;
}

function lengthForAudit(header: string | undefined): string | null {
  if (header === undefined) return null;
  return /^\d{1,15}$/.test(header) ? header : INVALID;
}

export function countsOf(report: IngestReport): Record<string, number | boolean> {
  return {
    received: report.received,
    accepted: report.received - report.rejectedCount,
    rejected: report.rejectedCount,
    warned: report.warningCount,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    stale: report.stale,
    dryRun: report.dryRun,
    fullSnapshot: report.fullSnapshot,
  };
}
