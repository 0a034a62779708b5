import { readFileSync } from 'node:fs';
import type { ConnectionOptions, TlsOptions } from 'node:tls';

/** libpq's TLS variables (PGSSLMODE ...), as the environment or a service's validated config holds them. */
export interface PostgresTlsEnv {
  PGSSLMODE?: string | undefined;
  PGSSLROOTCERT?: string | undefined;
  PGSSLCERT?: string | undefined;
  PGSSLKEY?: string | undefined;
}

/** What node-postgres (and TypeORM, which hands it on) needs to reach a server as libpq would with the same settings. */
export interface PostgresConnection {
  /** The URL without its TLS parameters: node-postgres would otherwise let them override `ssl`, with its own meanings. */
  connectionString: string;
  ssl: false | ConnectionOptions;
}

/** The URL parameters libpq reads for TLS, each with its environment variable. */
const PARAMETERS = { sslmode: 'PGSSLMODE', sslrootcert: 'PGSSLROOTCERT', sslcert: 'PGSSLCERT', sslkey: 'PGSSLKEY' } as const;
type Parameter = keyof typeof PARAMETERS;

const MODES = ['disable', 'require', 'verify-ca', 'verify-full'];

type ReadFile = (path: string) => string;

/** Raised before any connection is tried: the TLS settings are wrong. Names the setting, never its value. */
export class PostgresTlsConfigError extends Error {
  override readonly name = 'PostgresTlsConfigError';
}

/**
 * libpq's sslmode semantics for node-postgres, whose own reading of `sslmode`
 * differs (it verifies the host name for require and verify-ca). Settings in the
 * URL win over the PG* variables, as in libpq. No sslmode anywhere: no TLS
 * (libpq's `prefer` would try TLS first; node-postgres cannot fall back). ADR 0034.
 */
export function postgresConnection(
  databaseUrl: string,
  environment: PostgresTlsEnv = process.env,
  read: ReadFile = (path) => readFileSync(path, 'utf8'),
): PostgresConnection {
  const url = new URL(databaseUrl);
  const setting = (name: Parameter): { value: string | undefined; where: string } => {
    const inUrl = url.searchParams.get(name);
    if (inUrl !== null) return { value: inUrl || undefined, where: `${name} in the database URL` };
    return { value: environment[PARAMETERS[name]] || undefined, where: PARAMETERS[name] };
  };
  const mode = setting('sslmode');
  const rootCert = setting('sslrootcert');
  const clientCert = setting('sslcert');
  const clientKey = setting('sslkey');
  for (const name of Object.keys(PARAMETERS)) url.searchParams.delete(name);
  const connectionString = url.toString();
  if (mode.value !== undefined && !MODES.includes(mode.value)) {
    throw new PostgresTlsConfigError(
      `${mode.where} must be one of ${MODES.join(', ')} (node-postgres cannot fall back from TLS to plain text as allow and prefer would)`,
    );
  }
  if (mode.value === undefined || mode.value === 'disable') return { connectionString, ssl: false };
  if (Boolean(clientCert.value) !== Boolean(clientKey.value)) {
    throw new PostgresTlsConfigError(`${clientCert.where} and ${clientKey.where}: set both (a client certificate) or neither`);
  }
  const file = (found: { value: string | undefined; where: string }): string | undefined => {
    if (found.value === undefined) return undefined;
    try {
      return read(found.value);
    } catch (error) {
      throw new PostgresTlsConfigError(
        `${found.where} names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  };
  // libpq's word for "the operating system's trusted CAs" (PostgreSQL 16): Node's bundled ones here.
  const ca = rootCert.value === 'system' ? undefined : file(rootCert);
  const client = { ...(clientCert.value ? { cert: file(clientCert), key: file(clientKey) } : {}) };
  return { connectionString, ssl: { ...client, ...verification(mode.value, ca) } };
}

/** The same for TypeORM's postgres options, which type TLS settings as server ones yet hand them to node-postgres as they are. */
export function typeOrmConnection(databaseUrl: string, environment?: PostgresTlsEnv): { url: string; ssl: TlsOptions | false } {
  const { connectionString, ssl } = postgresConnection(databaseUrl, environment);
  return { url: connectionString, ssl: ssl as TlsOptions | false };
}

function verification(mode: string, ca: string | undefined): ConnectionOptions {
  const skipHostName = { checkServerIdentity: () => undefined };
  switch (mode) {
    // libpq: with a root certificate at hand, require checks the chain as verify-ca does.
    case 'require':
      return ca ? { ca, ...skipHostName } : { rejectUnauthorized: false };
    case 'verify-ca':
      if (!ca) {
        throw new PostgresTlsConfigError(
          'sslmode verify-ca needs a CA file (sslrootcert in the database URL, or PGSSLROOTCERT): ' +
            'against public CAs it would accept any server they ever certified (use verify-full)',
        );
      }
      return { ca, ...skipHostName };
    default:
      return { ...(ca ? { ca } : {}), rejectUnauthorized: true };
  }
}
