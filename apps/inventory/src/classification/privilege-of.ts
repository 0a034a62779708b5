import {
  assessPrivilege,
  describeStatements,
  statementsFromScopes,
  type PermissionStatement,
  type PrivilegeAssessment,
} from '@nhi/privilege';

/** Lines of permissions the graph shows for one identity. */
const SHOWN_PERMISSION_LINES = 200;

/**
 * The identity's privilege by the documented rules (docs/privilege-model.md):
 * from the permission statements a source sent when there are any (they say
 * more than scope names: resources, denials, conditions), from the scopes
 * otherwise; null when neither says anything.
 */
export function privilegeOf(
  provider: string,
  scopes: readonly string[],
  permissions: readonly PermissionStatement[] | null,
): PrivilegeAssessment | null {
  const statements = permissions && permissions.length > 0 ? permissions : statementsFromScopes(provider, scopes);
  return assessPrivilege(provider, statements);
}

/** The permissions as a reviewer reads them, one statement a line. */
export function describePermissions(statements: readonly PermissionStatement[]): string[] {
  return describeStatements(statements, { maxLines: SHOWN_PERMISSION_LINES });
}
