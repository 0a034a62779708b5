import type { Decision } from './evaluate';

/**
 * Evidence is read by a reviewer in a table cell: it names the permission,
 * where it reaches and the statements that grant it, and stays short. It
 * never needs more: statements carry no secrets, only names.
 */

const MAX_NAMES = 4;
const MAX_VIA = 3;
const MAX_EVIDENCE = 300;

/** `a, b, c and 2 more`: long lists stay readable. */
export function listNames(names: readonly string[], max = MAX_NAMES): string {
  const unique = [...new Set(names)];
  if (unique.length <= max) return unique.join(', ');
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

export function viaText(via: readonly string[]): string {
  return via.length === 0 ? '' : ` via ${listNames(via, MAX_VIA)}`;
}

export function conditionalText(conditional: boolean): string {
  return conditional ? ' (conditional)' : '';
}

export function bounded(text: string, max = MAX_EVIDENCE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `iam:CreateAccessKey allowed on * (conditional) via inline policy ci-deploy` */
export function grantEvidence(actions: readonly string[], resource: string, decision: Pick<Decision, 'conditional' | 'via'>): string {
  return bounded(`${listNames(actions)} allowed on ${resource}${conditionalText(decision.conditional)}${viaText(decision.via)}`);
}
