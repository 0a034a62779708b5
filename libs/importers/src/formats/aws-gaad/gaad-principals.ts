import type { PermissionStatement } from '@nhi/privilege';
import type { ImportProblem, ImportRow } from '../../import-row';
import { fitRow, IMPORT_ROW_LIMITS } from '../../streaming/row-limits';
import { isoTime } from '../../streaming/times';
import { arnName, readAttachments, readInlinePolicies, type Attachment, type GaadDefinitions } from './gaad-definitions';
import { isObject, trustedPrincipals, type JsonObject } from './iam-policy';

export const AWS_PROVIDER = 'aws';
export const AWS_USER_KIND = 'aws iam user';
export const AWS_ROLE_KIND = 'aws iam role';
/** The scope line that marks a service-linked role (path `/aws-service-role/`): AWS creates and owns it. */
export const SERVICE_LINKED_SCOPE = 'service-linked role (path /aws-service-role/, managed by AWS)';

/** A part of a principal's permissions: one policy's statements, and the ARN of a managed one. */
interface Grant {
  via: string;
  statements: PermissionStatement[];
  attachment?: Attachment;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** What users and roles share: identity, tags, creation, inline and attached policies, the boundary. */
class PrincipalReader {
  readonly problems: ImportProblem[] = [];
  readonly scopes: string[] = [];
  readonly grants: Grant[] = [];

  constructor(
    readonly raw: JsonObject,
    readonly location: string,
    readonly definitions: GaadDefinitions,
  ) {}

  problem(where: string, problem: string): void {
    this.problems.push({ location: `${this.location}${where}`, problem });
  }

  base(kind: string, nameField: string, arn: string): ImportRow {
    const name = text(this.raw[nameField]) ?? arnName(arn);
    const row: ImportRow = { provider: AWS_PROVIDER, externalId: arn, kind, name };
    const created = this.raw['CreateDate'];
    if (created !== undefined && created !== null) {
      const createdAt = isoTime(created);
      if (createdAt) row.createdAt = createdAt;
      else this.problem('.CreateDate', 'is not an ISO 8601 time: left out');
    }
    return row;
  }

  inline(field: string, prefix = ''): void {
    const read = readInlinePolicies(this.raw[field], `${this.location}.${field}`, prefix, this.problems);
    read.names.forEach((name) => {
      const via = `${prefix}inline policy ${name}`;
      this.add({ via, statements: read.statements.filter((s) => s.via === via) });
    });
  }

  attached(attachments: Attachment[], prefix = ''): void {
    for (const attachment of attachments) {
      const via = `${prefix}managed policy ${attachment.name}`;
      this.add({ via, statements: this.definitions.managed(attachment, via), attachment });
    }
  }

  directlyAttached(): void {
    this.attached(readAttachments(this.raw['AttachedManagedPolicies'], `${this.location}.AttachedManagedPolicies`, this.problems));
  }

  add(grant: Grant): void {
    this.grants.push(grant);
    this.scopes.push(grant.via);
  }

  /** The permissions boundary is recorded as a scope line; it is not evaluated (the statements are an upper bound). */
  boundary(): void {
    const boundary = this.raw['PermissionsBoundary'];
    const arn = isObject(boundary) ? text(boundary['PermissionsBoundaryArn']) : undefined;
    if (arn !== undefined) this.scopes.push(`permissions boundary ${arnName(arn)} (not evaluated)`);
  }

  tags(): ImportRow['tags'] {
    const raw = this.raw['Tags'];
    if (!Array.isArray(raw) || raw.length === 0) return undefined;
    const tags: NonNullable<ImportRow['tags']> = [];
    raw.forEach((tag, i) => {
      const key = isObject(tag) ? text(tag['Key']) : undefined;
      if (key === undefined) return this.problem(`.Tags[${i}]`, 'has no Key: left out');
      const value = (tag as JsonObject)['Value'];
      tags.push({ key, value: typeof value === 'string' ? value : null });
    });
    return tags.length > 0 ? tags : undefined;
  }
}

/** The statements, with managed policies sent by ARN only when all of them would not fit in one NDJSON line. */
function permissionsThatFit(reader: PrincipalReader, row: ImportRow): PermissionStatement[] {
  const full = reader.grants.flatMap((grant) => grant.statements);
  const budget = IMPORT_ROW_LIMITS.lineBytes - 64 * 1024;
  if (Buffer.byteLength(JSON.stringify({ ...row, permissions: full })) <= budget) return full;
  const byArn = reader.grants.flatMap((grant) =>
    grant.attachment ? [{ effect: 'Allow' as const, managedPolicyArn: grant.attachment.arn, via: grant.via }] : grant.statements,
  );
  const fits = Buffer.byteLength(JSON.stringify({ ...row, permissions: byArn })) <= budget;
  reader.problem(
    '',
    fits
      ? 'its policies are larger than one ingest line: managed policies are sent by their ARN only'
      : 'its inline policies alone are larger than one ingest line (1 MiB): the ingest will refuse the row',
  );
  return byArn;
}

/** What only roles have, in the row's field order around the shared fields. */
interface RoleFields {
  lastUsedAt?: string | null;
  credentials?: [];
  trustedPrincipals?: string[];
}

/** Assembles the row in a stable field order and fits it to the ingest's limits. */
function finish(reader: PrincipalReader, row: ImportRow, role: RoleFields = {}): { row: ImportRow; problems: ImportProblem[] } {
  const tags = reader.tags();
  const assembled: ImportRow = {
    ...row,
    ...('lastUsedAt' in role ? { lastUsedAt: role.lastUsedAt } : {}),
    ...(reader.scopes.length > 0 ? { scopes: reader.scopes } : {}),
    ...(tags ? { tags } : {}),
    ...(role.credentials ? { credentials: role.credentials } : {}),
  };
  assembled.permissions = permissionsThatFit(reader, assembled);
  if (role.trustedPrincipals) assembled.trustedPrincipals = role.trustedPrincipals;
  const fitted = fitRow(assembled, reader.location);
  return { row: fitted.row, problems: [...reader.problems, ...fitted.problems] };
}

export type PrincipalResult = { row: ImportRow; problems: ImportProblem[] } | { row?: undefined; problems: ImportProblem[] };

function start(raw: unknown, location: string, definitions: GaadDefinitions): { reader: PrincipalReader; arn: string } | PrincipalResult {
  const arn = isObject(raw) ? text(raw['Arn']) : undefined;
  if (arn === undefined) return { problems: [{ location, problem: 'has no Arn: the principal cannot be identified and is not imported' }] };
  return { reader: new PrincipalReader(raw as JsonObject, location, definitions), arn };
}

/**
 * One UserDetail as a row: its inline and attached policies and, for each group
 * in GroupList, the group's (`group <g>: …`). Credentials and last use are not
 * in this export: they come from the credential report, which merges on the ARN.
 */
export function userRow(raw: unknown, location: string, definitions: GaadDefinitions): PrincipalResult {
  const started = start(raw, location, definitions);
  if (!('reader' in started)) return started;
  const { reader, arn } = started;
  const row = reader.base(AWS_USER_KIND, 'UserName', arn);
  reader.inline('UserPolicyList');
  reader.directlyAttached();
  groupsOf(reader);
  reader.boundary();
  return finish(reader, row);
}

function groupsOf(reader: PrincipalReader): void {
  const groups = reader.raw['GroupList'];
  if (!Array.isArray(groups)) return;
  groups.forEach((name, i) => {
    const group = typeof name === 'string' ? reader.definitions.group(name) : undefined;
    if (typeof name !== 'string') return reader.problem(`.GroupList[${i}]`, 'is not a group name: left out');
    reader.scopes.push(`group ${name}`);
    if (!group) return reader.problem(`.GroupList[${i}]`, "is not in the export's GroupDetailList: the group's policies are missing");
    group.inlineNames.forEach((policy) => {
      const via = `group ${name}: inline policy ${policy}`;
      reader.add({ via, statements: group.inline.filter((s) => s.via === via) });
    });
    reader.attached(group.attached, `group ${name}: `);
  });
}

/**
 * One RoleDetail as a row: policies as for users, the trust policy's
 * principals, last use, instance profiles; no credentials (a role has none).
 */
export function roleRow(raw: unknown, location: string, definitions: GaadDefinitions): PrincipalResult {
  const started = start(raw, location, definitions);
  if (!('reader' in started)) return started;
  const { reader, arn } = started;
  const row = reader.base(AWS_ROLE_KIND, 'RoleName', arn);
  if (text(reader.raw['Path'])?.startsWith('/aws-service-role/')) reader.scopes.push(SERVICE_LINKED_SCOPE);
  const lastUsedAt = lastUse(reader);
  reader.inline('RolePolicyList');
  reader.directlyAttached();
  reader.boundary();
  instanceProfiles(reader);
  const trusted = trust(reader);
  return finish(reader, row, {
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    credentials: [],
    ...(trusted ? { trustedPrincipals: trusted } : {}),
  });
}

/** RoleLastUsed.LastUsedDate; null when RoleLastUsed says nothing (not used within IAM's tracking window); absent when the export has no RoleLastUsed. */
function lastUse(reader: PrincipalReader): string | null | undefined {
  const lastUsed = reader.raw['RoleLastUsed'];
  if (lastUsed === undefined) return undefined;
  const date = isObject(lastUsed) ? lastUsed['LastUsedDate'] : undefined;
  if (date === undefined || date === null) return null;
  const time = isoTime(date);
  if (time === null) reader.problem('.RoleLastUsed.LastUsedDate', 'is not an ISO 8601 time: the last use is left out');
  return time ?? undefined;
}

function instanceProfiles(reader: PrincipalReader): void {
  const profiles = reader.raw['InstanceProfileList'];
  if (!Array.isArray(profiles)) return;
  for (const profile of profiles) {
    const name = isObject(profile) ? text(profile['InstanceProfileName']) : undefined;
    if (name !== undefined) reader.scopes.push(`instance profile ${name}`);
  }
}

function trust(reader: PrincipalReader): string[] | undefined {
  const document = reader.raw['AssumeRolePolicyDocument'];
  if (document === undefined || document === null) return undefined;
  const read = trustedPrincipals(document);
  if ('problem' in read) {
    reader.problem('.AssumeRolePolicyDocument', `${read.problem}: who may assume the role is unknown`);
    return undefined;
  }
  if (read.conditional) reader.scopes.push('trust policy with conditions (not evaluated)');
  return read.principals;
}
