import { postgresConnection, PostgresTlsConfigError } from './postgres-tls';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const files: Record<string, string> = {
  '/ca.pem': CA,
  '/other-ca.pem': `${CA}other`,
  '/client.pem': 'client cert',
  '/client.key': 'client key',
};

function read(path: string): string {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
}

const URL_BASE = 'postgres://nhi:pw@db.example.com:5432/nhi_inventory';

describe('postgresConnection', () => {
  it('leaves a URL without TLS settings alone, and uses no TLS (the local server)', () => {
    expect(postgresConnection(URL_BASE, {}, read)).toEqual({ connectionString: URL_BASE, ssl: false });
  });

  it('verifies the CA and the host name with verify-full, and takes the TLS parameters out of the URL', () => {
    const connection = postgresConnection(`${URL_BASE}?sslmode=verify-full&sslrootcert=/ca.pem&application_name=x`, {}, read);
    expect(connection.connectionString).toBe(`${URL_BASE}?application_name=x`);
    expect(connection.ssl).toEqual({ ca: CA, rejectUnauthorized: true });
  });

  it("uses Node's public CAs for verify-full with sslrootcert=system or none (managed services with public certificates)", () => {
    expect(postgresConnection(`${URL_BASE}?sslmode=verify-full&sslrootcert=system`, {}, read).ssl).toEqual({ rejectUnauthorized: true });
    expect(postgresConnection(URL_BASE, { PGSSLMODE: 'verify-full' }, read).ssl).toEqual({ rejectUnauthorized: true });
  });

  it('checks the chain but not the host name with verify-ca, as libpq does', () => {
    const ssl = postgresConnection(`${URL_BASE}?sslmode=verify-ca`, { PGSSLROOTCERT: '/ca.pem' }, read).ssl;
    expect(ssl).toMatchObject({ ca: CA });
    expect(ssl && ssl.rejectUnauthorized).not.toBe(false);
    expect(ssl && ssl.checkServerIdentity?.('db.example.com', {} as never)).toBeUndefined();
  });

  it('encrypts without checking with require, unless a CA is named (then as verify-ca, like libpq)', () => {
    expect(postgresConnection(`${URL_BASE}?sslmode=require`, {}, read).ssl).toEqual({ rejectUnauthorized: false });
    expect(postgresConnection(`${URL_BASE}?sslmode=require&sslrootcert=/ca.pem`, {}, read).ssl).toMatchObject({ ca: CA });
  });

  it('lets the URL win over the PG variables, and takes a client certificate', () => {
    const ssl = postgresConnection(
      `${URL_BASE}?sslmode=verify-full&sslrootcert=/ca.pem`,
      { PGSSLMODE: 'disable', PGSSLROOTCERT: '/other-ca.pem', PGSSLCERT: '/client.pem', PGSSLKEY: '/client.key' },
      read,
    ).ssl;
    expect(ssl).toEqual({ ca: CA, cert: 'client cert', key: 'client key', rejectUnauthorized: true });
  });

  it('refuses modes node-postgres cannot honour, verify-ca without a CA, and an unreadable file, quoting none of them', () => {
    expect(() => postgresConnection(`${URL_BASE}?sslmode=prefer`, {}, read)).toThrow(PostgresTlsConfigError);
    expect(() => postgresConnection(URL_BASE, { PGSSLMODE: 'allow' }, read)).toThrow(/^PGSSLMODE must be one of disable, require/);
    expect(() => postgresConnection(`${URL_BASE}?sslmode=verify-ca`, {}, read)).toThrow(/verify-ca needs a CA file/);
    expect(() => postgresConnection(`${URL_BASE}?sslmode=verify-full&sslrootcert=/nope.pem`, {}, read)).toThrow(
      'sslrootcert in the database URL names a file that cannot be read (ENOENT)',
    );
    expect(() => postgresConnection(`${URL_BASE}?sslmode=verify-full&sslcert=/client.pem`, {}, read)).toThrow(/set both/);
  });
});
