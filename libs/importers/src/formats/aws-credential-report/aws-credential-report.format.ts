import type { ImportFormat, ImportInput, ImportItem } from '../../import-row';
import { streamCsvLines } from '../../streaming/csv-lines';
import { reportRow, type ReportRecord } from './credential-report-row';
import { reportCsv, ReportFormError } from './report-content';

/** The columns a credential report's header must have; the others are read when present. */
const REQUIRED_COLUMNS = ['user', 'arn'];

/** The columns read; any other column of the report is ignored, never copied through. */
export const REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  ...[1, 2].flatMap((n) => [`access_key_${n}_active`, `access_key_${n}_last_rotated`, `access_key_${n}_last_used_date`]),
  ...[1, 2].flatMap((n) => [`cert_${n}_active`, `cert_${n}_last_rotated`]),
];

function recordOf(header: string[], fields: string[]): ReportRecord {
  const record: Record<string, string> = {};
  header.forEach((column, i) => {
    if (REPORT_COLUMNS.includes(column)) record[column] = fields[i];
  });
  return record;
}

async function* readReport(input: ImportInput, prefix: string): AsyncGenerator<ImportItem> {
  let header: string[] | undefined;
  const problem = (location: string, text: string): ImportItem => ({ problem: { location: `${prefix}${location}`, problem: text } });
  for await (const event of streamCsvLines(reportCsv(input.open()))) {
    const location = `line ${event.line}`;
    if (header === undefined) {
      header = event.kind === 'record' ? event.fields.map((column) => column.trim()) : [];
      if (!REQUIRED_COLUMNS.every((column) => header?.includes(column))) {
        yield problem(location, 'is not the header of an IAM credential report (it has no user and arn columns): the file is not read');
        return;
      }
    } else if (event.kind === 'problem') {
      yield problem(location, event.problem);
    } else if (event.fields.length !== header.length) {
      yield problem(location, `has ${event.fields.length} fields where the header has ${header.length}: skipped`);
    } else {
      const result = reportRow(recordOf(header, event.fields), `${prefix}${location}`);
      for (const item of result.problems) yield { problem: item };
      if (result.row) yield { row: result.row };
    }
  }
  if (header === undefined) yield problem('the file', 'is empty: no credential report header');
}

async function* convertReports(inputs: readonly ImportInput[]): AsyncGenerator<ImportItem> {
  for (const input of inputs) {
    const prefix = inputs.length > 1 ? `${input.label} ` : '';
    try {
      yield* readReport(input, prefix);
    } catch (error) {
      if (!(error instanceof ReportFormError)) throw error;
      yield { problem: { location: `${prefix}${error.where}`, problem: error.problem } };
    }
  }
}

/**
 * `aws iam get-credential-report`: each IAM user's password, access keys and
 * signing certificates, with MFA and last use. Reads the CSV, the CLI's JSON
 * answer (base64 Content) or the Content alone, in one pass. Rows merge with
 * aws-gaad's on the user's ARN.
 */
export const awsCredentialReportFormat: ImportFormat = {
  name: 'aws-credential-report',
  summary: 'AWS IAM users with their passwords, access keys, certificates and MFA, from `aws iam get-credential-report` (CSV or its JSON)',
  convert: (inputs) => convertReports(inputs),
};
