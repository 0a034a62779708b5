import { isIP } from 'node:net';
import path from 'node:path';
import { loadOrCreateDevKeys, mintDevToken } from '@nhi/auth';
import { importFormat, toIngestLine, type ImportInput, type ImportProblem } from '@nhi/importers';
import { uploadLines } from './bulk-upload';
import type { ImportArgs } from './import-args';
import type { ConvertCounts } from './progress-line';
import type { IngestReportView } from './report-text';

/** Problems kept for the printout; the rest are counted. */
const KEPT_PROBLEMS = 100;
/** Where `npm start` keeps its dev keys (tools/dev-paths.ts), unless DEV_KEYS_DIR says otherwise. */
const DEV_KEYS_DIR = path.resolve(__dirname, '../../../.data/dev-keys');

export interface ImportOutcome {
  report: IngestReportView;
  problems: ImportProblem[];
  problemCount: number;
}

const isLocal = (url: string) => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || (isIP(host) !== 0 && (host.startsWith('127.') || host === '::1'));
};

/** The bearer token: given, or against a local development platform a dev token for this source alone. */
export async function importToken(args: ImportArgs): Promise<string> {
  if (args.token) return args.token;
  if (!isLocal(args.url))
    throw new Error(
      'set NHI_TOKEN (or --token) to a token that may ingest for this source; a dev token is minted only for a local platform',
    );
  const keys = loadOrCreateDevKeys(process.env['DEV_KEYS_DIR'] ?? DEV_KEYS_DIR);
  return mintDevToken(keys.privateKeyPem, {
    sub: 'nhi-importer',
    roles: ['integrator'],
    sources: [args.source],
    issuer: process.env['JWT_ISSUER'] ?? 'nhi-dev',
    audience: process.env['JWT_AUDIENCE'] ?? 'nhi-platform',
    ttlSeconds: 3600,
  });
}

/** Converts the export as it streams and uploads each row as it comes; problems are kept aside for the printout. */
export async function runImport(args: ImportArgs, inputs: readonly ImportInput[], counts: ConvertCounts): Promise<ImportOutcome> {
  const format = importFormat(args.format, args.cluster === undefined ? {} : { cluster: args.cluster });
  const token = await importToken(args);
  const problems: ImportProblem[] = [];
  async function* lines(): AsyncGenerator<string> {
    for await (const item of format.convert(inputs)) {
      if ('row' in item) {
        counts.rows += 1;
        yield toIngestLine(item.row);
      } else {
        counts.problems += 1;
        if (problems.length < KEPT_PROBLEMS) problems.push(item.problem);
      }
    }
  }
  const report = (await uploadLines({ ...args, token }, lines())) as IngestReportView;
  return { report, problems, problemCount: counts.problems };
}
