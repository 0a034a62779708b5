import { hasActions, resourcesOf } from './evaluate';
import type { PermissionStatement } from './statement';
import { covers, overlaps } from './wildcard';

/**
 * What each Allow still grants once the Deny statements are applied, one
 * action pattern at a time: the input of the rules that classify everything
 * a statement grants (reads, writes, a whole service) rather than ask about
 * one dangerous action. A pattern is dropped only when a Deny removes all of
 * it everywhere the Allow reaches; a Deny of part of it (`s3:DeleteBucket`
 * under `s3:*`) leaves the rest granted.
 */
export interface Grant {
  /** The action pattern, or `*` for a NotAction Allow (with `except`). */
  action: string;
  /** NotAction: every action except these. */
  except?: string[];
  /** The resource patterns, or `*` for a NotResource Allow (with `exceptResources`). */
  resources: string[];
  exceptResources?: string[];
  conditional: boolean;
  via: string;
}

const ACTIONS = { ignoreCase: true };
const RESOURCES = { ignoreCase: false };

function denyRemovesAction(deny: PermissionStatement, grant: Grant): boolean {
  if (grant.except) {
    // Every action but some: only a Deny of every action removes it.
    return deny.notActions ? false : (deny.actions ?? []).some((pattern) => covers(pattern, '*', ACTIONS));
  }
  if (deny.notActions) return !deny.notActions.some((excluded) => overlaps(excluded, grant.action, ACTIONS));
  return (deny.actions ?? []).some((pattern) => covers(pattern, grant.action, ACTIONS));
}

function denyReachesResource(deny: PermissionStatement, resource: string): boolean {
  if (deny.notResources) return !deny.notResources.some((excluded) => overlaps(excluded, resource, RESOURCES));
  return resourcesOf(deny).some((pattern) => covers(pattern, resource, RESOURCES));
}

function removedBy(deny: PermissionStatement, grant: Grant): boolean {
  return denyRemovesAction(deny, grant) && grant.resources.every((resource) => denyReachesResource(deny, resource));
}

function grantsOfStatement(statement: PermissionStatement): Grant[] {
  const base = {
    resources: statement.notResources ? ['*'] : resourcesOf(statement),
    ...(statement.notResources ? { exceptResources: statement.notResources } : {}),
    conditional: statement.conditional === true,
    via: statement.via,
  };
  if (statement.notActions) return [{ ...base, action: '*', except: statement.notActions }];
  return (statement.actions ?? []).map((action) => ({ ...base, action }));
}

export function survivingGrants(statements: readonly PermissionStatement[]): Grant[] {
  const denies = statements.filter((statement) => statement.effect === 'Deny' && !statement.conditional && hasActions(statement));
  return statements
    .filter((statement) => statement.effect === 'Allow' && hasActions(statement))
    .flatMap(grantsOfStatement)
    .filter((grant) => grant.resources.length > 0 && !denies.some((deny) => removedBy(deny, grant)));
}

/** Whether a grant reaches every resource (`*`, or everything but a few). */
export function reachesEverything(grant: Grant): boolean {
  return grant.resources.some((resource) => covers(resource, '*', RESOURCES));
}

/** How a grant's resources read in evidence: `*`, `every resource except X`, or the first patterns. */
export function resourceText(grant: Grant): string {
  if (grant.exceptResources) return `every resource except ${grant.exceptResources.slice(0, 2).join(', ')}`;
  if (grant.resources.length <= 2) return grant.resources.join(', ');
  return `${grant.resources.slice(0, 2).join(', ')} and ${grant.resources.length - 2} more`;
}
