import { allowedResources, isAllowed, type Decision } from '../evaluate';
import { grantEvidence } from '../evidence';
import type { PermissionStatement } from '../statement';

/**
 * "Allowed on every resource": on `*`, or (AWS) on the type-wide ARN pattern
 * that names every resource the action can touch (`arn:aws:iam::*:role/*`
 * for iam:PassRole). An account-specific pattern
 * (`arn:aws:iam::123456789012:role/*`) is not treated as type-wide: the
 * library does not know the identity's account, so it reads the grant as
 * written.
 */
export interface Reach {
  action: string;
  resource: string;
  decision: Decision;
}

export function broadlyAllowed(statements: readonly PermissionStatement[], action: string, everywhere?: string): Reach | null {
  for (const resource of everywhere ? ['*', everywhere] : ['*']) {
    const decision = isAllowed(statements, action, resource);
    if (decision.allowed) return { action, resource, decision };
  }
  return null;
}

/** Grants of an action that exist but stop short of every resource. */
export function narrowlyAllowed(statements: readonly PermissionStatement[], action: string): Reach[] {
  return allowedResources(statements, action).map((grant) => ({ action, resource: grant.resource, decision: grant.decision }));
}

/** One line per (resource, conditional, via): several actions granted by the same statements read as one reason. */
export function groupedEvidence(reaches: readonly Reach[], suffix = ''): string[] {
  const groups = new Map<string, Reach[]>();
  for (const reach of reaches) {
    const key = JSON.stringify([reach.resource, reach.decision.conditional, reach.decision.via]);
    groups.set(key, [...(groups.get(key) ?? []), reach]);
  }
  return [...groups.values()].map((group) =>
    grantEvidence(
      group.map((reach) => reach.action),
      group[0].resource,
      group[0].decision,
    ).concat(suffix),
  );
}
