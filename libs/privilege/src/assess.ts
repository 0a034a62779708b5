import { highestLevel, levelRank } from './levels';
import { rulesFor } from './rules';
import type { Finding } from './rules/rule';
import type { PermissionStatement, PrivilegeAssessment, PrivilegeReason } from './statement';

/** Enough to show why; more would bury the first reason under its echoes. */
export const MAX_REASONS = 10;

/**
 * The identity's level is the highest any rule reaches; its reasons are what
 * reached it, most specific rule first (the order of the provider's rules),
 * then in statement order. Lower findings are dropped: a reviewer asking why
 * an identity is ADMIN is not helped by its LOW reads.
 *
 * Statements that allow nothing (only Deny, or Allows every one of which a
 * Deny cancels) give LOW with a reason saying so: the identity was judged,
 * unlike one with no statements at all (null).
 */
export function assessPrivilege(provider: string, statements: readonly PermissionStatement[]): PrivilegeAssessment | null {
  if (statements.length === 0) return null;
  const findings: Finding[] = rulesFor(provider).flatMap((rule) => rule.judge(statements));
  const level = highestLevel(findings.map((finding) => finding.level));
  if (level === null) {
    return { level: 'LOW', reasons: [{ rule: 'nothing-allowed', evidence: 'no statement allows anything once Deny statements apply' }] };
  }
  return { level, reasons: reasonsAt(findings, level) };
}

function reasonsAt(findings: readonly Finding[], level: PrivilegeAssessment['level']): PrivilegeReason[] {
  const seen = new Set<string>();
  const reasons: PrivilegeReason[] = [];
  for (const finding of findings) {
    if (levelRank(finding.level) !== levelRank(level)) continue;
    const key = `${finding.rule}\n${finding.evidence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push({ rule: finding.rule, evidence: finding.evidence });
    if (reasons.length === MAX_REASONS) break;
  }
  return reasons;
}
