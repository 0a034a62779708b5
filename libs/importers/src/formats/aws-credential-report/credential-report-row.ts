import type { ImportedCredential, ImportProblem, ImportRow } from '../../import-row';
import { fitRow } from '../../streaming/row-limits';
import { isoTime } from '../../streaming/times';

/** One line of the report: column name -> value, for the columns the header names. */
export type ReportRecord = Readonly<Record<string, string | undefined>>;

/** The report's name for the account's root user: not a non-human identity, so not imported. */
export const ROOT_ACCOUNT = '<root_account>';

/** A time column: a time, or one of the report's words for none. */
type TimeValue = { time: string } | { none: 'N/A' | 'no_information' | 'not_supported' | 'missing' };

const NONE_WORDS = new Set(['N/A', 'no_information', 'not_supported']);

/** Reads the columns of one line, collecting problems that name the column, never its value. */
class LineReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    readonly record: ReportRecord,
    readonly location: string,
  ) {}

  private problem(column: string, problem: string): void {
    this.problems.push({ location: `${this.location}, column ${column}`, problem });
  }

  time(column: string): TimeValue {
    const value = this.record[column]?.trim();
    if (value === undefined || value === '') return { none: 'missing' };
    if (NONE_WORDS.has(value)) return { none: value as 'N/A' | 'no_information' | 'not_supported' };
    const time = isoTime(value);
    if (time) return { time };
    this.problem(column, 'is neither an ISO 8601 time nor N/A, no_information or not_supported: left out');
    return { none: 'missing' };
  }

  flag(column: string): boolean | undefined {
    const value = this.record[column]?.trim().toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    if (value !== undefined && value !== '' && !NONE_WORDS.has(value) && value !== 'n/a') {
      this.problem(column, 'is neither true nor false: left out');
    }
    return undefined;
  }
}

const timeOf = (value: TimeValue): string | undefined => ('time' in value ? value.time : undefined);

/** password_last_used: a time; N/A (never used) -> null; no_information (no data) -> absent. */
function passwordLastUse(value: TimeValue): string | null | undefined {
  if ('time' in value) return value.time;
  return value.none === 'N/A' ? null : undefined;
}

function password(reader: LineReader, enabled: boolean | undefined, lastUsed: TimeValue): ImportedCredential | undefined {
  if (enabled !== true) return undefined;
  const lastUsedAt = passwordLastUse(lastUsed);
  const rotated = timeOf(reader.time('password_last_changed'));
  const expires = timeOf(reader.time('password_next_rotation'));
  return {
    type: 'PASSWORD',
    externalId: 'password',
    status: 'ACTIVE',
    ...(expires ? { expiresAt: expires } : {}),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    ...(rotated ? { lastRotatedAt: rotated } : {}),
  };
}

/**
 * Access key or signing certificate `n`: it exists when it is active or has a
 * last-rotated time (the time it was created or last changed). The report holds
 * no key ids: the slot (`access_key_1`) is the credential's id.
 */
function slot(reader: LineReader, kind: 'access_key' | 'cert', n: 1 | 2): ImportedCredential | undefined {
  const prefix = `${kind}_${n}`;
  const active = reader.flag(`${prefix}_active`);
  const rotated = timeOf(reader.time(`${prefix}_last_rotated`));
  if (active !== true && rotated === undefined) return undefined;
  const credential: ImportedCredential = {
    type: kind === 'access_key' ? 'ACCESS_KEY' : 'CERTIFICATE',
    externalId: prefix,
    status: active ? 'ACTIVE' : 'INACTIVE',
  };
  if (kind === 'access_key') {
    const used = reader.time(`${prefix}_last_used_date`);
    // N/A for a key that exists: never used (or not since IAM began tracking key use, the user guide says).
    const lastUsedAt = 'time' in used ? used.time : used.none === 'N/A' ? null : undefined;
    if (lastUsedAt !== undefined) credential.lastUsedAt = lastUsedAt;
  }
  if (rotated) credential.lastRotatedAt = rotated;
  return credential;
}

/** The latest use of any credential; null when every credential says it was never used; absent otherwise. */
function lastUseOf(credentials: ImportedCredential[]): string | null | undefined {
  const times = credentials.map((c) => c.lastUsedAt).filter((t): t is string => typeof t === 'string');
  if (times.length > 0) return times.sort().at(-1);
  return credentials.length > 0 && credentials.every((c) => c.lastUsedAt === null) ? null : undefined;
}

function nameOf(record: ReportRecord, arn: string): string {
  const user = record['user']?.trim();
  return user ? user : arn.slice(arn.lastIndexOf('/') + 1);
}

export type ReportRowResult = { row?: ImportRow; problems: ImportProblem[] };

/**
 * One user line of the credential report as a row: the user's password,
 * access keys and signing certificates, MFA, and whether a person signed in
 * with it. The root account's line gives no row (ROOT_ACCOUNT).
 */
export function reportRow(record: ReportRecord, location: string): ReportRowResult {
  if (record['user']?.trim() === ROOT_ACCOUNT) return { problems: [] };
  const arn = record['arn']?.trim();
  if (!arn) return { problems: [{ location, problem: 'has no arn: the user cannot be identified and is not imported' }] };
  const reader = new LineReader(record, location);
  const created = timeOf(reader.time('user_creation_time'));
  const passwordEnabled = reader.flag('password_enabled');
  const passwordUse = reader.time('password_last_used');
  const credentials = [
    password(reader, passwordEnabled, passwordUse),
    slot(reader, 'access_key', 1),
    slot(reader, 'access_key', 2),
    slot(reader, 'cert', 1),
    slot(reader, 'cert', 2),
  ].filter((c): c is ImportedCredential => c !== undefined);
  const mfa = reader.flag('mfa_active');
  const lastUsedAt = lastUseOf(credentials);
  const row: ImportRow = {
    provider: 'aws',
    externalId: arn,
    kind: 'aws iam user',
    name: nameOf(record, arn),
    ...(created ? { createdAt: created } : {}),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    // A password that was used is a person signing in: human use of a non-human identity.
    ...('time' in passwordUse ? { interactiveUse: true } : passwordEnabled === false ? { interactiveUse: false } : {}),
    credentials,
    ...(mfa !== undefined ? { mfaEnabled: mfa } : {}),
  };
  const fitted = fitRow(row, location);
  return { row: fitted.row, problems: [...reader.problems, ...fitted.problems] };
}
