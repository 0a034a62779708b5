import type { PermissionStatement } from '@nhi/privilege';

/** A problem inside a policy document: `where` continues the caller's location (`.Statement[2]`). */
export interface PolicyProblem {
  where: string;
  problem: string;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A policy document as an export holds it: a JSON object (the AWS CLI decodes
 * documents), a URL-encoded JSON string (the raw IAM API, RFC 3986: `%7B%22Version…`,
 * a `+` is a plus, not a space) or a plain JSON string.
 */
export function readPolicyDocument(raw: unknown): { document: JsonObject } | { problem: string } {
  if (isObject(raw)) return { document: raw };
  if (typeof raw !== 'string') return { problem: 'is not a policy document (neither an object nor a string)' };
  let text = raw.trim();
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return { problem: 'is a string that is neither JSON nor URL-encoded JSON' };
    }
  }
  try {
    const document: unknown = JSON.parse(text);
    return isObject(document) ? { document } : { problem: 'is JSON but not an object' };
  } catch {
    return { problem: 'is a string that is neither JSON nor URL-encoded JSON' };
  }
}

/** The statements of a document with where each stands (`.Statement` when there is one object, else `.Statement[i]`). */
export function statementsOf(document: JsonObject): { items: Array<{ where: string; statement: unknown }> } | { problem: string } {
  const statement = document['Statement'];
  if (Array.isArray(statement)) return { items: statement.map((item, i) => ({ where: `.Statement[${i}]`, statement: item })) };
  if (isObject(statement)) return { items: [{ where: '.Statement', statement }] };
  return { problem: 'has no Statement' };
}

/** A string or a list of strings as a list; null when it is neither, empty, or holds something else. */
export function stringList(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every((item): item is string => typeof item === 'string') ? value : null;
}

type Pair = { list: string[] | undefined; not: string[] | undefined } | { problem: string };

/** Action/NotAction or Resource/NotResource: at most one of the two, each a string or a list of strings. */
function pair(statement: JsonObject, field: 'Action' | 'Resource'): Pair {
  const notField = `Not${field}`;
  const [has, hasNot] = [field in statement, notField in statement];
  if (has && hasNot) return { problem: `has both ${field} and ${notField}` };
  const list = has ? stringList(statement[field]) : undefined;
  const not = hasNot ? stringList(statement[notField]) : undefined;
  if (list === null || not === null) return { problem: `${has ? field : notField} is not a string or a list of strings` };
  return { list, not };
}

/** One IAM statement in the provider-neutral shape, or why it cannot be read. */
export function toPermissionStatement(raw: unknown, via: string): PermissionStatement | { problem: string } {
  if (!isObject(raw)) return { problem: 'is not a statement object' };
  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return { problem: 'Effect is neither Allow nor Deny' };
  const actions = pair(raw, 'Action');
  if ('problem' in actions) return actions;
  if (!actions.list && !actions.not) return { problem: 'has neither Action nor NotAction' };
  const resources = pair(raw, 'Resource');
  if ('problem' in resources) return resources;
  const condition = raw['Condition'];
  return {
    effect,
    ...(actions.list ? { actions: actions.list } : { notActions: actions.not }),
    ...(resources.list ? { resources: resources.list } : {}),
    ...(resources.not ? { notResources: resources.not } : {}),
    ...(isObject(condition) && Object.keys(condition).length > 0 ? { conditional: true } : {}),
    via,
  };
}

export interface PolicyStatements {
  statements: PermissionStatement[];
  /** Statements that could not be read (they are left out). */
  problems: PolicyProblem[];
  /** Why the document as a whole could not be read, if it could not. */
  unreadable?: string;
}

/**
 * A policy document's statements in the provider-neutral shape, each with
 * `via`; a statement that cannot be read is left out and named as a problem.
 */
export function policyStatements(raw: unknown, via: string): PolicyStatements {
  const read = readPolicyDocument(raw);
  if ('problem' in read) return { statements: [], problems: [], unreadable: read.problem };
  const found = statementsOf(read.document);
  if ('problem' in found) return { statements: [], problems: [], unreadable: found.problem };
  const statements: PermissionStatement[] = [];
  const problems: PolicyProblem[] = [];
  for (const { where, statement } of found.items) {
    const normalised = toPermissionStatement(statement, via);
    if ('problem' in normalised) problems.push({ where, problem: `${normalised.problem}: the statement is left out` });
    else statements.push(normalised);
  }
  return { statements, problems };
}

function principalsOf(statement: JsonObject): string[] {
  // Allow with NotPrincipal trusts everyone but the principals named: recorded as `*`.
  if ('NotPrincipal' in statement) return ['*'];
  const principal = statement['Principal'];
  if (principal === '*') return ['*'];
  if (!isObject(principal)) return [];
  return Object.values(principal).flatMap((value) => stringList(value) ?? []);
}

/**
 * Who a trust policy (AssumeRolePolicyDocument) lets assume the role: the
 * Principal of its Allow statements as written (`*`, account ids, ARNs, service
 * and federated principals), without duplicates. Deny statements are not
 * subtracted; `conditional` says whether an Allow statement has a Condition.
 */
export function trustedPrincipals(raw: unknown): { principals: string[]; conditional: boolean } | { problem: string } {
  const read = readPolicyDocument(raw);
  if ('problem' in read) return read;
  const found = statementsOf(read.document);
  if ('problem' in found) return found;
  const principals = new Set<string>();
  let conditional = false;
  for (const { statement } of found.items) {
    if (!isObject(statement) || statement['Effect'] !== 'Allow') continue;
    principalsOf(statement).forEach((principal) => principals.add(principal));
    const condition = statement['Condition'];
    if (isObject(condition) && Object.keys(condition).length > 0) conditional = true;
  }
  return { principals: [...principals], conditional };
}
