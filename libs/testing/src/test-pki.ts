import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM files of a throwaway CA and the certificates it signed, all under one directory. */
export interface TestPki {
  caCert: string;
  /** A CA that signed nothing here: trusting it instead of caCert must fail. */
  otherCaCert: string;
  /** Issued by caCert for the given names: `{ cert, key }` file paths. */
  servers: Record<string, { cert: string; key: string }>;
}

/** A server certificate to issue: its file name and subjectAltNames such as `DNS:localhost`, `IP:127.0.0.1`. */
export interface TestCertificateRequest {
  name: string;
  altNames: string[];
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

async function makeCa(dir: string, name: string): Promise<string> {
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  await openssl(['req', '-x509', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-days', '2', '-out', `${name}.crt`], dir);
  return path.join(dir, `${name}.crt`);
}

async function issue(dir: string, ca: string, request: TestCertificateRequest): Promise<{ cert: string; key: string }> {
  const { name } = request;
  // PKCS#8 unencrypted: what PostgreSQL, Kafka's PEM key store and Node all read.
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  await openssl(['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`], dir);
  await writeFile(
    path.join(dir, `${name}.ext`),
    `subjectAltName=${request.altNames.join(',')}\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n`,
  );
  await openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2'].concat([
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.crt`,
    ]),
    dir,
  );
  return { cert: path.join(dir, `${name}.crt`), key: path.join(dir, `${name}.key`) };
}

/**
 * Makes a CA, a second CA nobody should trust, and server certificates signed
 * by the first, with `openssl` (a couple of seconds). Keys never leave `dir`.
 */
export async function makeTestPki(dir: string, requests: TestCertificateRequest[]): Promise<TestPki> {
  const [caCert, otherCaCert] = await Promise.all([makeCa(dir, 'test-ca'), makeCa(dir, 'untrusted-ca')]);
  const servers: TestPki['servers'] = {};
  for (const request of requests) servers[request.name] = await issue(dir, 'test-ca', request);
  return { caCert, otherCaCert, servers };
}
