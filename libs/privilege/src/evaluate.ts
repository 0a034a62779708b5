import type { PermissionStatement } from './statement';
import { covers, overlaps, type PatternCase } from './wildcard';

/**
 * The AWS way of answering "may this identity do A on R", applied to every
 * provider's statements: an unconditional Deny that applies wins over any
 * Allow; otherwise an Allow that covers the question grants it.
 *
 * A query may name one action or a set (`s3:*`, `*`), and one resource or a
 * set (`*` is every resource). The two dimensions are read differently, on
 * purpose:
 * - actions strictly: the set is allowed only if every action in it is, so a
 *   Deny of `iam:*` means `*` is no longer allowed (the identity is not full
 *   admin) while `s3:*` still is;
 * - resources up to carve-outs: a Deny on a few resources (a break-glass
 *   role, an audit bucket) leaves the action allowed "on *", because what the
 *   rules ask is how far a grant reaches, and a grant on everything but one
 *   bucket still reaches everywhere that matters. A Deny covering the whole
 *   queried resource set does cancel it.
 * An Allow on a narrow resource never answers a question about `*`.
 */
export interface Decision {
  allowed: boolean;
  /** Every Allow that grants it carries a condition: it may not apply. */
  conditional: boolean;
  /** The `via` of the statements that grant it (the unconditional ones when there are any). */
  via: string[];
}

export interface AnyDecision extends Decision {
  /** Which of the asked actions are allowed. */
  actions: string[];
}

const ACTIONS: PatternCase = { ignoreCase: true };
const RESOURCES: PatternCase = { ignoreCase: false };

/** Statements known only by a managed policy's ARN carry no actions: the table judges them, not the evaluator. */
export function hasActions(statement: PermissionStatement): boolean {
  return statement.actions !== undefined || statement.notActions !== undefined;
}

export function resourcesOf(statement: PermissionStatement): string[] {
  return statement.resources ?? (statement.notResources ? [] : ['*']);
}

function allowCoversAction(statement: PermissionStatement, action: string): boolean {
  if (statement.notActions) return !statement.notActions.some((excluded) => overlaps(excluded, action, ACTIONS));
  return (statement.actions ?? []).some((pattern) => covers(pattern, action, ACTIONS));
}

function denyTouchesAction(statement: PermissionStatement, action: string): boolean {
  if (statement.notActions) return !statement.notActions.some((excluded) => covers(excluded, action, ACTIONS));
  return (statement.actions ?? []).some((pattern) => overlaps(pattern, action, ACTIONS));
}

/** For Allow and Deny alike: the statement reaches the whole resource set, carve-outs aside. */
function reachesResource(statement: PermissionStatement, resource: string): boolean {
  if (statement.notResources) return !statement.notResources.some((excluded) => covers(excluded, resource, RESOURCES));
  return resourcesOf(statement).some((pattern) => covers(pattern, resource, RESOURCES));
}

export function allowCovers(statement: PermissionStatement, action: string, resource: string): boolean {
  return (
    statement.effect === 'Allow' && hasActions(statement) && allowCoversAction(statement, action) && reachesResource(statement, resource)
  );
}

/** A conditional Deny may not apply, so it never cancels: counting it would under-rate the identity. */
export function denyCancels(statement: PermissionStatement, action: string, resource: string): boolean {
  return (
    statement.effect === 'Deny' &&
    !statement.conditional &&
    hasActions(statement) &&
    denyTouchesAction(statement, action) &&
    reachesResource(statement, resource)
  );
}

const NOT_ALLOWED: Decision = { allowed: false, conditional: false, via: [] };

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function isAllowed(statements: readonly PermissionStatement[], action: string, resource = '*'): Decision {
  if (statements.some((statement) => denyCancels(statement, action, resource))) return NOT_ALLOWED;
  const allowing = statements.filter((statement) => allowCovers(statement, action, resource));
  if (allowing.length === 0) return NOT_ALLOWED;
  const unconditional = allowing.filter((statement) => !statement.conditional);
  const deciding = unconditional.length > 0 ? unconditional : allowing;
  return { allowed: true, conditional: unconditional.length === 0, via: unique(deciding.map((statement) => statement.via)) };
}

/**
 * Whether any of the named actions is allowed: how rules ask about a family
 * (`iam:Attach*Policy`) without pattern-against-pattern reasoning, by listing
 * the family's real action names.
 */
export function anyAllowed(statements: readonly PermissionStatement[], actions: readonly string[], resource = '*'): AnyDecision {
  const decided = actions
    .map((action) => ({ action, decision: isAllowed(statements, action, resource) }))
    .filter((d) => d.decision.allowed);
  if (decided.length === 0) return { ...NOT_ALLOWED, actions: [] };
  const unconditional = decided.filter((d) => !d.decision.conditional);
  const deciding = unconditional.length > 0 ? unconditional : decided;
  return {
    allowed: true,
    conditional: unconditional.length === 0,
    via: unique(deciding.flatMap((d) => d.decision.via)),
    actions: deciding.map((d) => d.action),
  };
}

/** A resource an action is allowed on, as the granting statement names it. */
export interface ResourceGrant {
  resource: string;
  decision: Decision;
}

/**
 * Where an action is allowed: each resource pattern of each Allow that covers
 * the action, kept when the Deny statements leave it allowed there. A
 * NotResource Allow is reported as `*` (everything but its exclusions).
 */
export function allowedResources(statements: readonly PermissionStatement[], action: string): ResourceGrant[] {
  const candidates = statements
    .filter((statement) => statement.effect === 'Allow' && hasActions(statement) && allowCoversAction(statement, action))
    .flatMap((statement) => (statement.notResources ? ['*'] : resourcesOf(statement)));
  return unique(candidates)
    .map((resource) => ({ resource, decision: isAllowed(statements, action, resource) }))
    .filter((grant) => grant.decision.allowed);
}
