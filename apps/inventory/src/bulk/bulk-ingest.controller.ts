import { Controller, HttpCode, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IngestRequestError, IngestService } from '../ingest/ingest.service';
import { isSourceName, sourceNameError } from '../ingest/source-name';
import { AuditRecorder } from '@nhi/audit';
import { RequestAuthError } from '@nhi/auth';
import { BulkActorResolver } from './bulk-actor';
import { BulkIngestAudit } from './bulk-ingest-audit';
import { ndjsonRows } from './ndjson-rows';
import { NDJSON_TYPES } from './ndjson-types';
import { exportRows } from './export-rows';
import { uploadedExport } from './export-upload';
import { importFormat, ImportOptionError, UnknownFormatError, type ImportFormat } from '@nhi/importers';

/** The converter for `?format=` (and `?cluster=` for k8s-rbac); a bad one is a 400 that lists the formats and quotes nothing. */
function converterFor(format: string, cluster: string | undefined): ImportFormat {
  try {
    return importFormat(format, cluster === undefined ? {} : { cluster });
  } catch (error) {
    if (error instanceof UnknownFormatError || error instanceof ImportOptionError) throw new IngestRequestError(error.message);
    throw error;
  }
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
    @Query('format') format: string | undefined,
    @Query('cluster') cluster: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // The path parameter is checked before anything else sees it: the audit record, the log, the answer.
    const validSource = isSourceName(source) ? source : null;
    const audit = new BulkIngestAudit(this.audit, validSource, { fullSnapshot, dryRun, force }, req);
    try {
      if (validSource === null) throw sourceNameError('the {source} path parameter');
      const actor = await this.actors.actorOf(req, validSource);
      audit.actor = actor;
      const converter = format === undefined ? null : converterFor(format, cluster);
      const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (converter === null && !NDJSON_TYPES.includes(type)) {
        const message = `send NDJSON (content-type: application/x-ndjson), one identity per line; the content-type sent is not one of ${NDJSON_TYPES.join(', ')}`;
        await audit.rejected('UNSUPPORTED_MEDIA_TYPE', message);
        res.status(415).json({ error: 'UNSUPPORTED_MEDIA_TYPE', message });
        return;
      }
      const options = {
        source: validSource,
        fullSnapshot: flag(fullSnapshot, 'fullSnapshot'),
        dryRun: flag(dryRun, 'dryRun'),
        force: flag(force, 'force'),
      };
      this.logger.log(
        `bulk ingest from ${validSource} by ${actor.sub} started${converter ? ` (${converter.name} export)` : ''}${options.dryRun ? ' (dry run)' : ''}`,
      );
      const report = converter
        ? await this.ingestion.ingest(options, exportRows(converter, await uploadedExport(req)))
        : await this.ingestion.ingest(options, ndjsonRows(req));
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
