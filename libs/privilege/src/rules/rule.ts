import type { PermissionStatement, PrivilegeLevel } from '../statement';

/** One reason a rule found, with the level it gives. */
export interface Finding {
  rule: string;
  level: PrivilegeLevel;
  evidence: string;
}

/**
 * A rule judges an identity's statements and says what in them reaches its
 * level. Its id is stable: reasons, tests and dashboards refer to it.
 */
export interface Rule {
  id: string;
  /** The level of its findings; absent when the level comes from data (the managed-policy table). */
  level?: PrivilegeLevel;
  /** One line for the docs and for a reviewer asking "why this rule". */
  summary: string;
  /** Public sources the rule follows. */
  sources: string[];
  judge(statements: readonly PermissionStatement[]): Finding[];
}

/** Rules whose findings all carry their own level, built without repeating id and level at every finding. */
export function fixedRule(
  id: string,
  level: PrivilegeLevel,
  summary: string,
  sources: string[],
  judge: (statements: readonly PermissionStatement[]) => string[],
): Rule {
  return { id, level, summary, sources, judge: (statements) => judge(statements).map((evidence) => ({ rule: id, level, evidence })) };
}
