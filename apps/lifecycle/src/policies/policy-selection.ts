/** What a policy selects on; an empty list matches any value. */
export interface PolicySelectors {
  kinds: string[];
  environments: string[];
  privilegeLevels: string[];
  providers: string[];
  businessUnits: string[];
}

export interface SelectablePolicy extends PolicySelectors {
  name: string;
  isDefault: boolean;
  priority: number;
}

export interface PolicySubject {
  kind: string;
  environment: string;
  privilegeLevel: string | null;
  provider: string;
  businessUnit: string | null;
}

const dimensions = (policy: PolicySelectors) =>
  [
    [policy.kinds, (s: PolicySubject) => s.kind],
    [policy.environments, (s: PolicySubject) => s.environment],
    [policy.privilegeLevels, (s: PolicySubject) => s.privilegeLevel],
    [policy.providers, (s: PolicySubject) => s.provider],
    [policy.businessUnits, (s: PolicySubject) => s.businessUnit],
  ] as const;

/** How many dimensions a policy narrows: the more, the more specific. */
export function specificity(policy: PolicySelectors): number {
  return dimensions(policy).filter(([values]) => values.length > 0).length;
}

export function selects(policy: PolicySelectors, subject: PolicySubject): boolean {
  return dimensions(policy).every(([values, read]) => {
    if (values.length === 0) return true;
    const value = read(subject);
    return value !== null && values.some((v) => v.toLowerCase() === value.toLowerCase());
  });
}

/**
 * The policy for an identity: the most specific one that selects it, ties to
 * the higher priority, then by name so the choice is stable; the default
 * policy (which selects everything) when nothing narrower matches.
 */
export function choosePolicy<P extends SelectablePolicy>(policies: readonly P[], subject: PolicySubject): P | undefined {
  return policies
    .filter((policy) => policy.isDefault || selects(policy, subject))
    .sort(
      (a, b) =>
        Number(a.isDefault) - Number(b.isDefault) ||
        specificity(b) - specificity(a) ||
        b.priority - a.priority ||
        a.name.localeCompare(b.name),
    )[0];
}
