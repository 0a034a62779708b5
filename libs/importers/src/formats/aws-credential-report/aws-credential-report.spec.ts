import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportInput, ImportProblem, ImportRow } from '../../import-row';
import { fileInput, streamInput, textInput } from '../../streaming/inputs';
import { awsGaadFormat } from '../aws-gaad/aws-gaad.format';
import { awsCredentialReportFormat } from './aws-credential-report.format';

const FIXTURES = join(__dirname, '../../../fixtures/aws');
const fixture = (name: string) => fileInput(join(FIXTURES, name));
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ACCOUNT = 'arn:aws:iam::123456789012';
const HEADER = fixtureText('credential-report.csv').split('\n')[0];

async function convert(...inputs: ImportInput[]): Promise<{ rows: ImportRow[]; problems: ImportProblem[] }> {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for await (const item of awsCredentialReportFormat.convert(inputs)) {
    if ('row' in item) rows.push(item.row);
    else problems.push(item.problem);
  }
  return { rows, problems };
}

const named = (rows: ImportRow[], name: string) => rows.find((row) => row.name === name);

describe('aws-credential-report on the fixture (the documented columns, every value variant)', () => {
  let result: { rows: ImportRow[]; problems: ImportProblem[] };
  beforeAll(async () => (result = await convert(fixture('credential-report.csv'))));

  it('gives one row per user, none for the root account, and no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.name)).toEqual(['Alice', 'Bob', 'Charlie', 'ci-deployer', 'key-rotator']);
  });

  it('a password used to sign in: interactive use, MFA, its rotation and expiry', () => {
    expect(named(result.rows, 'Alice')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/Alice`,
      kind: 'aws iam user',
      name: 'Alice',
      createdAt: '2013-10-14T18:32:24.000Z',
      lastUsedAt: '2025-01-10T08:00:00.000Z',
      interactiveUse: true,
      credentials: [
        {
          type: 'PASSWORD',
          externalId: 'password',
          status: 'ACTIVE',
          expiresAt: '2025-03-31T00:00:00.000Z',
          lastUsedAt: '2025-01-10T08:00:00.000Z',
          lastRotatedAt: '2024-10-01T00:00:00.000Z',
        },
      ],
      mfaEnabled: true,
    });
  });

  it('a password with no_information about its use (last use unknown), and an access key in use', () => {
    expect(named(result.rows, 'Bob')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/Bob`,
      kind: 'aws iam user',
      name: 'Bob',
      createdAt: '2013-10-14T18:32:25.000Z',
      lastUsedAt: '2025-02-01T09:30:00.000Z',
      credentials: [
        { type: 'PASSWORD', externalId: 'password', status: 'ACTIVE', lastRotatedAt: '2013-10-14T18:40:00.000Z' },
        {
          type: 'ACCESS_KEY',
          externalId: 'access_key_1',
          status: 'ACTIVE',
          lastUsedAt: '2025-02-01T09:30:00.000Z',
          lastRotatedAt: '2023-01-05T12:00:00.000Z',
        },
      ],
      mfaEnabled: false,
    });
  });

  it('keys that exist but were never used (N/A): null, for the keys and the user; an inactive key', () => {
    expect(named(result.rows, 'Charlie')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/Charlie`,
      kind: 'aws iam user',
      name: 'Charlie',
      createdAt: '2013-10-14T18:33:56.000Z',
      lastUsedAt: null,
      interactiveUse: false,
      credentials: [
        { type: 'ACCESS_KEY', externalId: 'access_key_1', status: 'INACTIVE', lastUsedAt: null, lastRotatedAt: '2020-02-02T02:02:02.000Z' },
        { type: 'ACCESS_KEY', externalId: 'access_key_2', status: 'ACTIVE', lastUsedAt: null, lastRotatedAt: '2024-06-01T00:00:00.000Z' },
      ],
      mfaEnabled: false,
    });
  });

  it('two keys (one last used in 2019) and a signing certificate, whose use the report does not hold', () => {
    expect(named(result.rows, 'ci-deployer')?.credentials).toEqual([
      {
        type: 'ACCESS_KEY',
        externalId: 'access_key_1',
        status: 'ACTIVE',
        lastUsedAt: '2025-02-10T22:15:00.000Z',
        lastRotatedAt: '2021-03-01T10:05:00.000Z',
      },
      {
        type: 'ACCESS_KEY',
        externalId: 'access_key_2',
        status: 'ACTIVE',
        lastUsedAt: '2019-06-30T23:59:59.000Z',
        lastRotatedAt: '2019-01-01T00:00:00.000Z',
      },
      { type: 'CERTIFICATE', externalId: 'cert_1', status: 'ACTIVE', lastRotatedAt: '2021-03-02T00:00:00.000Z' },
    ]);
    const rotator = named(result.rows, 'key-rotator');
    expect(rotator?.credentials).toEqual([
      { type: 'ACCESS_KEY', externalId: 'access_key_1', status: 'ACTIVE', lastUsedAt: null, lastRotatedAt: '2022-05-05T05:10:00.000Z' },
      { type: 'CERTIFICATE', externalId: 'cert_2', status: 'INACTIVE', lastRotatedAt: '2022-05-06T00:00:00.000Z' },
    ]);
    // A certificate's use is unknown, so the user's last use is too.
    expect(rotator).not.toHaveProperty('lastUsedAt');
  });

  it('reads the CLI JSON answer (base64 Content), the Content alone, and both split anywhere, to the same rows', async () => {
    expect(await convert(fixture('credential-report.json'))).toEqual(result);
    const content = JSON.parse(fixtureText('credential-report.json')).Content as string;
    expect(await convert(textInput('content.b64', `${content}\n`))).toEqual(result);
    const json = Buffer.from(fixtureText('credential-report.json'));
    const pieces = (bytes: Buffer, size: number) =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    expect(await convert(streamInput('report.json', () => Readable.from(pieces(json, 7))))).toEqual(result);
    expect(
      await convert(streamInput('report.csv', () => Readable.from(pieces(Buffer.from(fixtureText('credential-report.csv')), 5)))),
    ).toEqual(result);
  });

  it('meets aws-gaad on the ARN: every user of the report is a user of the GAAD fixture', async () => {
    const gaadUsers = new Set<string>();
    for await (const item of awsGaadFormat.convert([fixture('gaad.json')])) {
      if ('row' in item && item.row.kind === 'aws iam user') gaadUsers.add(item.row.externalId);
    }
    expect(result.rows.map((row) => row.externalId).filter((id) => !gaadUsers.has(id))).toEqual([]);
    expect(new Set(result.rows.map((row) => row.kind))).toEqual(new Set(['aws iam user']));
  });
});

describe('aws-credential-report on broken input', () => {
  it('a broken line becomes a problem with its line number, and the lines after it are read', async () => {
    const { rows, problems } = await convert(fixture('credential-report-broken.csv'));
    expect(problems).toEqual([
      { location: 'line 3', problem: 'has 4 fields where the header has 22: skipped' },
      { location: 'line 4', problem: 'is not valid CSV: a quote opens inside an unquoted field: skipped' },
      { location: 'line 5', problem: 'has no arn: the user cannot be identified and is not imported' },
      {
        location: 'line 6, column user_creation_time',
        problem: 'is neither an ISO 8601 time nor N/A, no_information or not_supported: left out',
      },
      {
        location: 'line 6, column access_key_1_last_rotated',
        problem: 'is neither an ISO 8601 time nor N/A, no_information or not_supported: left out',
      },
      { location: 'line 6, column mfa_active', problem: 'is neither true nor false: left out' },
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/yesterday|maybe|nobody|Char"lie/);
    expect(rows.map((row) => row.name)).toEqual(['Alice', 'ci-deployer', 'key-rotator']);
    expect(named(rows, 'ci-deployer')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/service/ci-deployer`,
      kind: 'aws iam user',
      name: 'ci-deployer',
      lastUsedAt: null,
      interactiveUse: false,
      credentials: [{ type: 'ACCESS_KEY', externalId: 'access_key_1', status: 'ACTIVE', lastUsedAt: null }],
    });
  });

  it('a file that is not a credential report, an empty one, a broken JSON answer, a Content that is not base64', async () => {
    expect(await convert(textInput('other.csv', 'name,id\na,b\n'))).toEqual({
      rows: [],
      problems: [
        {
          location: 'line 1',
          problem: 'is not the header of an IAM credential report (it has no user and arn columns): the file is not read',
        },
      ],
    });
    expect((await convert(textInput('empty.csv', ''))).problems).toEqual([
      { location: 'the file', problem: 'is empty: no credential report header' },
    ]);
    expect((await convert(textInput('cut.json', '{"Content": "dXNlcixhcm4K'))).problems).toEqual([
      { location: 'the JSON', problem: expect.stringMatching(/^is broken \(.+\): the report could not be read$/) },
    ]);
    expect((await convert(textInput('other.json', '{"GeneratedTime": "2025-01-01T00:00:00Z"}'))).problems).toEqual([
      { location: 'the JSON', problem: 'has no Content string: not the output of aws iam get-credential-report' },
    ]);
    expect((await convert(textInput('bad.json', '{"Content": "dXNlcixhcm4K!!"}'))).problems).toEqual([
      { location: 'Content', problem: 'is not base64: not a credential report' },
    ]);
  });

  it('copies no column it does not read, and names the input when there are several', async () => {
    const withExtra = `${HEADER},secret_column\n${fixtureText('credential-report.csv').split('\n')[2]},AKIAIOSFODNN7EXAMPLE\n`;
    const broken = `${HEADER}\nAlice,${ACCOUNT}:user/Alice\n`;
    const { rows, problems } = await convert(textInput('a.csv', withExtra), textInput('b.csv', broken));
    expect(JSON.stringify(rows)).not.toMatch(/AKIAIOSFODNN7EXAMPLE|secret_column/);
    expect(rows.map((row) => row.name)).toEqual(['Alice']);
    expect(problems).toEqual([{ location: 'b.csv line 2', problem: 'has 2 fields where the header has 22: skipped' }]);
  });
});
