import type { Request } from 'express';
import { AuditRecorder, type AuditEntry } from '@nhi/audit';
import type { Actor } from '@nhi/auth';
import type { IngestReport } from '../ingest/ingest-report';
import { canonicalSource } from '../ingest/ingest.service';

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
    source: string,
    options: { fullSnapshot: string | undefined; dryRun: string | undefined; force: string | undefined },
    req: Request,
  ) {
    this.source = sourceForAudit(source);
    this.input = {
      source,
      fullSnapshot: options.fullSnapshot ?? null,
      dryRun: options.dryRun ?? null,
      force: options.force ?? null,
      contentType: req.header('content-type') ?? null,
      contentLength: req.header('content-length') ?? null,
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

/** The canonical source when the name is acceptable, so records of one connector share one target id. */
function sourceForAudit(source: string): string {
  try {
    return canonicalSource(source);
  } catch {
    return source || '(none)';
  }
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
