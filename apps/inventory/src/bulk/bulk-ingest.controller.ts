import { Controller, HttpCode, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { detectSecret } from '@nhi/secrets';
import { canonicalSource, IngestRequestError, IngestService } from '../ingest/ingest.service';
import { AuditRecorder } from '@nhi/audit';
import { RequestAuthError } from '@nhi/auth';
import { BulkActorResolver } from './bulk-actor';
import { BulkIngestAudit } from './bulk-ingest-audit';
import { ndjsonRows } from './ndjson-rows';

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson', 'text/plain'];

/** The content type a caller sent, quoted only when it is a plain media type: a header can carry anything, a secret included. */
function describeContentType(type: string): string {
  if (!type) return 'none';
  return /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/.test(type) && !detectSecret(type) ? `"${type}"` : 'another content type';
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new IngestRequestError(`${name} must be true or false`);
}

/**
 * POST /ingest/{source}: the bulk path for connectors with millions of rows.
 * The body is NDJSON, one identity per line, read as a stream; the answer is
 * the same report as ingestIdentities. Every request leaves one audit record
 * (operation bulkIngest), refused and failed ones too.
 */
@Controller('ingest')
export class BulkIngestController {
  private readonly logger = new Logger('BulkIngest');

  constructor(
    private readonly ingestion: IngestService,
    private readonly actors: BulkActorResolver,
    private readonly audit: AuditRecorder,
  ) {}

  @Post(':source')
  @HttpCode(200)
  async upload(
    @Param('source') source: string,
    @Query('fullSnapshot') fullSnapshot: string | undefined,
    @Query('dryRun') dryRun: string | undefined,
    @Query('force') force: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const audit = new BulkIngestAudit(this.audit, source, { fullSnapshot, dryRun, force }, req);
    try {
      const actor = await this.actors.actorOf(req, source);
      audit.actor = actor;
      const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!NDJSON_TYPES.includes(type)) {
        const message = `send NDJSON (content-type: application/x-ndjson), one identity per line; got ${describeContentType(type)}`;
        await audit.rejected('UNSUPPORTED_MEDIA_TYPE', message);
        res.status(415).json({ error: 'UNSUPPORTED_MEDIA_TYPE', message });
        return;
      }
      const options = {
        source,
        fullSnapshot: flag(fullSnapshot, 'fullSnapshot'),
        dryRun: flag(dryRun, 'dryRun'),
        force: flag(force, 'force'),
      };
      // The source is checked (plain, short, not secret-looking) before it is written to a log line.
      this.logger.log(`bulk ingest from ${canonicalSource(source)} by ${actor.sub} started${options.dryRun ? ' (dry run)' : ''}`);
      const report = await this.ingestion.ingest(options, ndjsonRows(req));
      await audit.succeeded(report);
      res.json(report);
    } catch (error) {
      if (error instanceof RequestAuthError) {
        audit.actor = error.actor ?? null;
        await audit.refused(error.status, error.message);
        res.status(error.status).json({ error: error.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: error.message });
      } else if (error instanceof IngestRequestError) {
        await audit.rejected('BAD_REQUEST', error.message);
        res.status(400).json({ error: 'BAD_REQUEST', message: error.message });
      } else {
        await audit.failed(error);
        throw error;
      }
    }
  }
}
