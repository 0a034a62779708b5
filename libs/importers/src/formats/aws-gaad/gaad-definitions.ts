import type { PermissionStatement } from '@nhi/privilege';
import type { ImportProblem } from '../../import-row';
import { isObject, policyStatements, type JsonObject } from './iam-policy';

/** A managed policy attached to a principal or group, as AttachedManagedPolicies names it. */
export interface Attachment {
  name: string;
  arn: string;
}

/** A group's policies, read in the first pass. */
export interface GroupDefinition {
  /** Statements of its inline policies, each `via` `group <g>: inline policy <p>`. */
  inline: PermissionStatement[];
  inlineNames: string[];
  attached: Attachment[];
}

type Statement = Omit<PermissionStatement, 'via'>;

/** A managed policy of the export's Policies list: the statements of its default version, or null when it has none to read. */
interface ManagedPolicy {
  statements: Statement[] | null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The last part of an ARN's resource (`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` -> `ViewOnlyAccess`). */
export function arnName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}

/**
 * AttachedManagedPolicies as a list of attachments; one object alone counts as
 * a list of one (the CLI reference's own example prints groups' that way).
 */
export function readAttachments(raw: unknown, location: string, problems: ImportProblem[]): Attachment[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const attachments: Attachment[] = [];
  list.forEach((item, i) => {
    const arn = isObject(item) ? text(item['PolicyArn']) : undefined;
    if (arn === undefined) problems.push({ location: `${location}[${i}]`, problem: 'has no PolicyArn: the attachment is left out' });
    else attachments.push({ arn, name: text((item as JsonObject)['PolicyName']) ?? arnName(arn) });
  });
  return attachments;
}

/**
 * Inline policies (UserPolicyList, RolePolicyList, GroupPolicyList) as
 * statements with `via` `<prefix>inline policy <name>`; problems name the
 * policy's place (`UserDetailList[3].UserPolicyList[0].PolicyDocument.Statement[1]`).
 */
export function readInlinePolicies(raw: unknown, location: string, prefix: string, problems: ImportProblem[]) {
  const statements: PermissionStatement[] = [];
  const names: string[] = [];
  if (raw === undefined || raw === null) return { statements, names };
  if (!Array.isArray(raw)) {
    problems.push({ location, problem: 'is not a list: its policies are missing' });
    return { statements, names };
  }
  raw.forEach((item, i) => {
    const name = isObject(item) ? text(item['PolicyName']) : undefined;
    if (name === undefined) {
      problems.push({ location: `${location}[${i}]`, problem: 'has no PolicyName: the policy is left out' });
      return;
    }
    const read = policyStatements((item as JsonObject)['PolicyDocument'], `${prefix}inline policy ${name}`);
    const where = `${location}[${i}].PolicyDocument`;
    if (read.unreadable) problems.push({ location: where, problem: `${read.unreadable}: the policy's permissions are missing` });
    read.problems.forEach((p) => problems.push({ location: `${where}${p.where}`, problem: p.problem }));
    statements.push(...read.statements);
    names.push(name);
  });
  return { statements, names };
}

function defaultVersion(policy: JsonObject): JsonObject | undefined {
  const versions = Array.isArray(policy['PolicyVersionList']) ? policy['PolicyVersionList'].filter(isObject) : [];
  return versions.find((v) => v['IsDefaultVersion'] === true) ?? versions.find((v) => v['VersionId'] === policy['DefaultVersionId']);
}

/**
 * What the first pass keeps: groups (their inline statements and attachments)
 * and managed policies (the statements of their default version), by name and
 * by ARN. Bounded by IAM's quotas (300 groups, 5,000 customer managed policies of
 * at most 6,144 characters, the AWS managed policies in use), not by the export's size.
 */
export class GaadDefinitions {
  private readonly groups = new Map<string, GroupDefinition>();
  private readonly policies = new Map<string, ManagedPolicy>();

  group(name: string): GroupDefinition | undefined {
    return this.groups.get(name);
  }

  addGroup(raw: unknown, location: string): ImportProblem[] {
    const problems: ImportProblem[] = [];
    const name = isObject(raw) ? text(raw['GroupName']) : undefined;
    if (name === undefined) return [{ location, problem: 'has no GroupName: its members miss its policies' }];
    const group = raw as JsonObject;
    const inline = readInlinePolicies(group['GroupPolicyList'], `${location}.GroupPolicyList`, `group ${name}: `, problems);
    const attached = readAttachments(group['AttachedManagedPolicies'], `${location}.AttachedManagedPolicies`, problems);
    this.groups.set(name, { inline: inline.statements, inlineNames: inline.names, attached });
    return problems;
  }

  addPolicy(raw: unknown, location: string): ImportProblem[] {
    const arn = isObject(raw) ? text(raw['Arn']) : undefined;
    if (arn === undefined) return [{ location, problem: 'has no Arn: principals it is attached to get it by ARN only' }];
    const version = defaultVersion(raw as JsonObject);
    if (version === undefined || version['Document'] === undefined) {
      this.policies.set(arn, { statements: null });
      return [{ location, problem: 'has no default version with a Document: principals it is attached to get it by ARN only' }];
    }
    const where = `${location}.PolicyVersionList[${((raw as JsonObject)['PolicyVersionList'] as unknown[]).indexOf(version)}].Document`;
    const read = policyStatements(version['Document'], '');
    if (read.unreadable) {
      // The table of AWS managed policies may still know it by its ARN.
      this.policies.set(arn, { statements: null });
      return [{ location: where, problem: `${read.unreadable}: principals it is attached to get it by ARN only` }];
    }
    this.policies.set(arn, { statements: read.statements.map(({ via: _via, ...statement }) => statement) });
    return read.problems.map((p) => ({ location: `${where}${p.where}`, problem: p.problem }));
  }

  /**
   * A managed policy's statements with `via`: those of its default version when
   * the export holds it, else one statement naming it by ARN, for the shipped
   * table of AWS managed policies to judge.
   */
  managed(attachment: Attachment, via: string): PermissionStatement[] {
    const statements = this.policies.get(attachment.arn)?.statements;
    if (!statements) return [{ effect: 'Allow', managedPolicyArn: attachment.arn, via }];
    return statements.map((statement) => ({ ...statement, via }));
  }
}
