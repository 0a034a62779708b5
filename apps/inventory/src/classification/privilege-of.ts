import type { PermissionStatement, PrivilegeAssessment } from '@nhi/privilege';
import { classifyPrivilege } from './privilege-classifier';

/** BRIDGE until @nhi/privilege's rules land: the scope classifier, without reasons. */
export function privilegeOf(
  provider: string,
  scopes: readonly string[],
  permissions: readonly PermissionStatement[] | null,
): PrivilegeAssessment | null {
  void permissions;
  const level = classifyPrivilege(provider, scopes);
  return level ? { level, reasons: [] } : null;
}

/** BRIDGE until @nhi/privilege's describeStatements lands. */
export function describePermissions(statements: readonly PermissionStatement[]): string[] {
  return statements.slice(0, 200).map((s) => `${s.effect} ${(s.actions ?? s.notActions ?? [s.managedPolicyArn]).join(', ')} via ${s.via}`);
}
