import type { Request } from 'express';
import { AuditRecorder, type AuditEntry } from '@nhi/audit';
import type { Actor } from '@nhi/auth';
import type { IngestReport } from '../ingest/ingest-report';
import { detectSecret } from '@nhi/secrets';
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
    // Only values that passed their check are kept: the path, the query and the headers are the
    // caller's and may carry anything, a secret included (issue 15); the record and its topic key hold none of it.
    this.input = {
      source: this.source,
      fullSnapshot: flagForAudit(options.fullSnapshot),
      dryRun: flagForAudit(options.dryRun),
      force: flagForAudit(options.force),
      contentType: contentTypeForAudit(req.header('content-type')),
      contentLength: contentLengthForAudit(req.header('content-length')),
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

/** What the record says instead of a request part that failed its check: never the part itself. */
export const INVALID_SOURCE = '(invalid source)';
export const INVALID_VALUE = '(invalid value)';

/** A connector's name as a source may be recorded: letters, digits and plain separators, nothing that could hide a token. */
const RECORDABLE_SOURCE = /^[a-z0-9][a-z0-9 ._-]{0,99}$/;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/;

/** The canonical source once it is acceptable and plain, so records of one connector share one target id; otherwise a placeholder. */
export function sourceForAudit(source: string): string {
  if (!source) return '(none)';
  try {
    const canonical = canonicalSource(source);
    return RECORDABLE_SOURCE.test(canonical) ? canonical : INVALID_SOURCE;
  } catch {
    return INVALID_SOURCE;
  }
}

function flagForAudit(value: string | undefined): string | null {
  if (value === undefined) return null;
  return value === '' || value === 'true' || value === 'false' ? value : INVALID_VALUE;
}

/** The media type without parameters, when it is one; the parameters (boundary, charset, anything) are not kept. */
function contentTypeForAudit(value: string | undefined): string | null {
  if (value === undefined) return null;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return MEDIA_TYPE.test(type) && !detectSecret(value.split(';')[0] ?? '') ? type : INVALID_VALUE;
}

function contentLengthForAudit(value: string | undefined): string | null {
  if (value === undefined) return null;
  return /^\d{1,15}$/.test(value) ? value : INVALID_VALUE;
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
