import { ConfigError, kafkaSecurityFromEnv } from '@nhi/config';
import { kafkaSecurityFromEnvironment, KafkaSecurityConfigError } from './kafka-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const files: Record<string, string> = { '/ca.pem': CA, '/key.pem': KEY, '/password': 'from-file\n', '/empty': '' };

function read(path: string): string {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return content;
}

/** What a reading gives: the options, or the problems it names. */
function outcome(reading: () => unknown): unknown {
  try {
    return reading();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KafkaSecurityConfigError) return { problems: error.problems };
    throw error;
  }
}

const environments: Record<string, NodeJS.ProcessEnv> = {
  'nothing set': {},
  'SCRAM over TLS with a CA file and a password file': {
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: '/ca.pem',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'nhi',
    KAFKA_SASL_PASSWORD_FILE: '/password',
  },
  'PLAIN over TLS with public CAs': { KAFKA_SSL: '1', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'k', KAFKA_SASL_PASSWORD: 's' },
  'mutual TLS, no check (a test broker)': {
    KAFKA_SSL: 'yes',
    KAFKA_SSL_CERT_FILE: '/ca.pem',
    KAFKA_SSL_KEY_FILE: '/key.pem',
    KAFKA_SSL_REJECT_UNAUTHORIZED: 'false',
  },
  'PLAIN without TLS': { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'k', KAFKA_SASL_PASSWORD: 's' },
  'an unknown mechanism and a bad flag': { KAFKA_SSL: 'maybe', KAFKA_SASL_MECHANISM: 'gssapi' },
  'contradictions and bad files': {
    KAFKA_SSL_CA_FILE: '/ca.pem',
    KAFKA_SASL_MECHANISM: 'scram-sha-256',
    KAFKA_SASL_PASSWORD: 'p',
    KAFKA_SASL_PASSWORD_FILE: '/password',
  },
  'files that cannot be used': {
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: '/missing',
    KAFKA_SSL_CERT_FILE: '/key.pem',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'nhi',
    KAFKA_SASL_PASSWORD_FILE: '/empty',
  },
  'credentials without a mechanism': { KAFKA_SASL_USERNAME: 'nhi' },
};

describe("the SDK's reading of the Kafka security variables", () => {
  it.each(Object.entries(environments))("is the platform's, for %s", (_name, environment) => {
    expect(outcome(() => kafkaSecurityFromEnvironment(environment, read))).toEqual(outcome(() => kafkaSecurityFromEnv(environment, read)));
  });
});
