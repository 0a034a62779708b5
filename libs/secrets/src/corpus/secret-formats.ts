import { githubChecksum } from '../github-checksum';
import { ALNUM, BASE32, BASE64, DIGITS, fakeBody, HEX, LOWER, Random, UPPER, URLSAFE, uuid } from './random';

/**
 * Fake secrets in each provider's documented shape (prefix, length, alphabet, checksum). Random
 * bodies start with FAKE where the alphabet allows; none of these is or was a real credential.
 */
export type SecretFormat = [format: string, make: (r: Random) => string];

function github(r: Random, prefix: string): string {
  const random = fakeBody(r, ALNUM, 30);
  return `${prefix}_${random}${githubChecksum(random)}`;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

export const SOURCE_AND_AI_FORMATS: SecretFormat[] = [
  ['github-classic', (r) => github(r, r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr']))],
  ['github-fine-grained', (r) => `github_pat_11${fakeBody(r, ALNUM, 20)}_${r.chars(ALNUM, 59)}`],
  ['gitlab', (r) => `${r.pick(['glpat', 'gldt', 'glptt', 'glrt', 'glcbt'])}-${fakeBody(r, URLSAFE, 20)}`],
  ['npm', (r) => `npm_${fakeBody(r, ALNUM, 36)}`],
  ['pypi', (r) => `pypi-AgEIcHlwaS5vcmc${r.chars(URLSAFE, 70)}`],
  ['huggingface', (r) => `hf_${fakeBody(r, ALNUM, 34)}`],
  ['atlassian', (r) => `ATATT3xFfGF0${r.chars(URLSAFE, 170)}=${r.chars(HEX.toUpperCase(), 8)}`],
  ['linear', (r) => `lin_api_${fakeBody(r, ALNUM, 40)}`],
  ['postman', (r) => `PMAK-${r.chars(HEX, 24)}-${r.chars(HEX, 34)}`],
  ['openai', (r) => `sk-proj-${fakeBody(r, URLSAFE, 120)}`],
  ['openai-legacy', (r) => `sk-${fakeBody(r, ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}`],
  ['anthropic', (r) => `sk-ant-api03-${fakeBody(r, URLSAFE, 93)}AA`],
  ['age', (r) => `AGE-SECRET-KEY-1${r.chars(BECH32, 58).toUpperCase()}`],
  [
    'pem-private-key',
    (r) => `-----BEGIN ${r.pick(['RSA ', 'EC ', '', 'ENCRYPTED '])}PRIVATE KEY-----\nMIIE${r.chars(BASE64, 60)}\n-----END PRIVATE KEY-----`,
  ],
  ['openssh-private-key', (r) => `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${r.chars(BASE64, 50)}`],
  ['jwt', (r) => `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJGQUtFIi${r.chars(URLSAFE, 20)}.${r.chars(URLSAFE, 43)}`],
  [
    'gcp-service-account-json',
    (r) =>
      `{"type": "service_account", "project_id": "fake-${r.chars(LOWER, 6)}", "private_key_id": "${r.chars(HEX, 40)}", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE${r.chars(BASE64, 40)}\\n"}`,
  ],
];

export const CLOUD_AND_SAAS_FORMATS: SecretFormat[] = [
  ['aws-secret-with-key-id', (r) => `AKIA${r.chars(BASE32, 16)}:${fakeBody(r, BASE64, 40)}`],
  [
    'aws-secret-with-keyword',
    (r) => `${r.pick(['aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'awsSecretKey'])} = ${fakeBody(r, BASE64, 40)}`,
  ],
  ['google-api-key', (r) => `AIza${fakeBody(r, URLSAFE, 35)}`],
  ['azure-client-secret', (r) => `${r.chars(ALNUM, 3)}${r.chars(DIGITS, 1)}Q~${fakeBody(r, ALNUM + '_~.-', r.pick([31, 34]))}`],
  ['azure-storage-key', (r) => `DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=${fakeBody(r, BASE64, 86)}==`],
  ['vault', (r) => `${r.pick(['hvs', 'hvb'])}.${fakeBody(r, URLSAFE, 90)}`],
  ['vault-legacy', (r) => `s.FAKE${r.chars(UPPER, 2)}${r.chars(LOWER, 2)}${r.chars(ALNUM, 16)}`],
  ['databricks', (r) => `dapi${r.chars(HEX, 32)}`],
  ['digitalocean', (r) => `${r.pick(['dop', 'doo', 'dor'])}_v1_${r.chars(HEX, 64)}`],
  ['doppler', (r) => `dp.${r.pick(['pt', 'st', 'sa'])}.${fakeBody(r, ALNUM, 43)}`],
  ['tailscale', (r) => `tskey-auth-k${r.chars(ALNUM, 10)}-${fakeBody(r, ALNUM, 32)}`],
  ['heroku', (r) => `${r.pick(['HEROKU_API_KEY=', 'heroku_api_key: ', 'heroku token = '])}${uuid(r)}`],
  ['heroku-new', (r) => `HRKU-AA${fakeBody(r, URLSAFE, 58)}`],
  ['slack', (r) => `${r.pick(['xoxb', 'xoxp', 'xoxa'])}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${fakeBody(r, ALNUM, 24)}`],
  ['slack-webhook', (r) => `https://hooks.slack.com/services/T${r.chars(UPPER, 8)}/B${r.chars(UPPER, 8)}/${fakeBody(r, ALNUM, 24)}`],
  ['stripe', (r) => `${r.pick(['sk', 'rk'])}_${r.pick(['live', 'test'])}_${fakeBody(r, ALNUM, 24)}`],
  ['sendgrid', (r) => `SG.${fakeBody(r, URLSAFE, 22)}.${r.chars(URLSAFE, 43)}`],
  ['twilio', (r) => `twilio ${r.pick(['api key', 'key sid', 'auth token'])}: SK${r.chars(HEX, 32)}`],
  ['shopify', (r) => `${r.pick(['shpat', 'shpca', 'shppa', 'shpss'])}_${r.chars(HEX, 32)}`],
  ['square', (r) => `EAAA${fakeBody(r, URLSAFE, 60)}`],
  ['discord', (r) => `${r.pick(['M', 'N', 'O'])}${fakeBody(r, ALNUM, 23)}.${r.chars(URLSAFE, 6)}.${r.chars(URLSAFE, 38)}`],
  ['mailchimp', (r) => `${r.chars(HEX, 32)}-us${1 + r.int(21)}`],
  ['new-relic', (r) => `NRAK-${r.chars(UPPER + DIGITS, 27)}`],
  [
    'url-credentials',
    (r) =>
      `${r.pick(['postgres', 'mysql', 'https', 'amqp', 'redis'])}://svc_${r.chars(LOWER, 5)}:${fakeBody(r, ALNUM, 16)}@db-${r.chars(LOWER, 4)}.internal:5432/app`,
  ],
  [
    'password-assignment',
    (r) =>
      `${r.pick(['password', 'db_password', 'PASSWORD', 'passwd'])}${r.pick([' = ', '=', ': '])}${r.pick(['Hunter', 'Summer', 'Fake'])}${r.chars(ALNUM, 8)}!`,
  ],
  [
    'secret-assignment',
    (r) => `${r.pick(['secret', 'client_secret', 'api_key', 'token', 'apiKey'])}${r.pick(['=', ': ', ' = '])}${r.chars(HEX, 40)}`,
  ],
  ['bearer-token', (r) => `Authorization: Bearer ${fakeBody(r, URLSAFE, 40)}`],
];
