import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run import -- <format> <file…|-> --source <name> [--dry-run] [--full-snapshot] [--force]
                        [--cluster <name>] [--url http://127.0.0.1:4001] [--token <bearer token>]
  <format>         one of the formats below; <file> may be given more than once, - reads standard input
  --source         the source name the rows are ingested under (a-z, 0-9, . and -), e.g. aws-prod-gaad
  --dry-run        report what would change, change nothing
  --full-snapshot  the export is everything the source has: identities it leaves out become STALE
  --force          accept a full snapshot that would mark more than the allowed share STALE
  --cluster        k8s-rbac: the cluster's name, put before every externalId (an export does not name its cluster)
  --url            the inventory service (default: INVENTORY_BASE_URL or http://127.0.0.1:4001)
  --token          a bearer token for POST /ingest (default: NHI_TOKEN; against a local platform, a dev token is minted)`;

export interface ImportArgs {
  format: string;
  files: string[];
  source: string;
  dryRun: boolean;
  fullSnapshot: boolean;
  force: boolean;
  cluster: string | undefined;
  url: string;
  token: string | null;
}

export class UsageError extends Error {}

/** The command line, checked; a mistake is a UsageError saying which argument, never echoing a token. */
export function parseImportArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ImportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'full-snapshot': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        cluster: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [format, ...files] = positionals;
  if (!format) throw new UsageError('name the format of the export');
  if (files.length === 0) throw new UsageError('name the export file (or - for standard input)');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (!values.source) throw new UsageError('--source is required: the source name the rows are ingested under');
  return {
    format,
    files,
    source: values.source,
    dryRun: values['dry-run'],
    fullSnapshot: values['full-snapshot'],
    force: values.force,
    cluster: values.cluster,
    url: (values.url ?? env['INVENTORY_BASE_URL'] ?? 'http://127.0.0.1:4001').replace(/\/+$/, ''),
    token: values.token ?? env['NHI_TOKEN'] ?? null,
  };
}
