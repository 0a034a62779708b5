import { ConfigError } from './config-error';
import { kafkaSecurityFromEnv } from './kafka-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const files: Record<string, string> = { '/ca.pem': CA, '/cert.pem': CA, '/key.pem': KEY, '/password': 's3cret-from-file\n', '/empty': '' };

function read(path: string): string {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
}

const security = (environment: NodeJS.ProcessEnv) => kafkaSecurityFromEnv(environment, read);

function problemsOf(environment: NodeJS.ProcessEnv): string[] {
  try {
    security(environment);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('kafkaSecurity', () => {
  it('is plain text with no variables set, as the local broker wants', () => {
    expect(security({})).toEqual({});
  });

  it('connects over TLS with the CA from a file, verifying the broker, and SCRAM credentials', () => {
    expect(
      security({
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/ca.pem',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'nhi',
        KAFKA_SASL_PASSWORD_FILE: '/password',
      }),
    ).toEqual({
      ssl: { ca: [CA], rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'nhi', password: 's3cret-from-file' },
    });
  });

  it("trusts Node's public CAs when no CA file is named (managed services) and takes a client certificate for mutual TLS", () => {
    expect(security({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/cert.pem', KAFKA_SSL_KEY_FILE: '/key.pem' })).toEqual({
      ssl: { cert: CA, key: KEY, rejectUnauthorized: true },
    });
  });

  it('takes PLAIN over TLS, for managed services with API keys', () => {
    expect(
      security({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'key', KAFKA_SASL_PASSWORD: 'api-secret' }).sasl,
    ).toEqual({ mechanism: 'plain', username: 'key', password: 'api-secret' });
  });

  it('refuses PLAIN without TLS, which would send the password as it is', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'key', KAFKA_SASL_PASSWORD: 'api-secret' })).toEqual([
      'KAFKA_SASL_MECHANISM: plain sends the password as it is; it needs KAFKA_SSL=true',
    ]);
  });

  it('names every missing or contradictory setting, and never a value', () => {
    const problems = problemsOf({
      KAFKA_SSL_CA_FILE: '/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_PASSWORD: 'hunter2-password',
      KAFKA_SASL_PASSWORD_FILE: '/password',
    });
    expect(problems).toEqual([
      'KAFKA_SSL_CA_FILE: is set but KAFKA_SSL is not true',
      'KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set',
      'KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE: set one, not both',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('says which file cannot be read or holds the wrong thing, without its path or content', () => {
    const problems = problemsOf({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/missing.pem',
      KAFKA_SSL_CERT_FILE: '/key.pem',
      KAFKA_SSL_KEY_FILE: '/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'nhi',
      KAFKA_SASL_PASSWORD_FILE: '/empty',
    });
    expect(problems).toEqual([
      'KAFKA_SSL_CA_FILE: the file it names cannot be read (ENOENT)',
      'KAFKA_SSL_CERT_FILE: the file it names holds no PEM certificate',
      'KAFKA_SSL_KEY_FILE: the file it names holds no unencrypted PEM private key',
      'KAFKA_SASL_PASSWORD_FILE: the file it names is empty',
    ]);
  });

  it('refuses credentials without a mechanism, and a mechanism it does not know', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'nhi' })).toEqual(['KAFKA_SASL_USERNAME: is set but KAFKA_SASL_MECHANISM is not']);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi' })).toEqual([
      'KAFKA_SASL_MECHANISM: expected one of scram-sha-512, scram-sha-256, plain',
    ]);
  });
});
