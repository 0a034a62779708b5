/** What a rule matches on; every criterion given must hold. Text compares without regard to case. */
export interface RuleCriteria {
  provider?: string | null;
  system?: string | null;
  businessUnit?: string | null;
  /** Every tag given must be on the identity with that value. */
  tags?: Record<string, string> | null;
  /** A glob on the name: `*` any run of characters, `?` one character. */
  namePattern?: string | null;
  /** The provider account: AWS account id, GCP project, Azure subscription (or an `account` tag). */
  account?: string | null;
}

/** What rules look at in an identity, as ownership learnt it from inventory. */
export interface RuleSubject {
  name: string | null;
  provider: string | null;
  externalId: string | null;
  system: string | null;
  businessUnit: string | null;
  tags: Record<string, string>;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

const ACCOUNT_PATTERNS: Array<[string, RegExp]> = [
  ['aws', /^arn:aws[a-z-]*:[^:]*:[^:]*:(\d{12}):/i],
  ['gcp', /@([a-z0-9-]+)\.iam\.gserviceaccount\.com$/i],
  ['gcp', /projects\/([a-z0-9-]+)\//i],
  ['azure', /subscriptions\/([0-9a-f-]{36})/i],
];

/** The provider account an identity lives in, read from its external id, else from an account tag. */
export function accountOf(subject: Pick<RuleSubject, 'provider' | 'externalId' | 'tags'>): string | null {
  for (const [provider, pattern] of ACCOUNT_PATTERNS) {
    if (!same(provider, subject.provider)) continue;
    const match = pattern.exec(subject.externalId ?? '');
    if (match?.[1]) return match[1].toLowerCase();
  }
  const tagged = subject.tags['account'] ?? subject.tags['account_id'] ?? subject.tags['account-id'] ?? subject.tags['project'];
  return tagged ? tagged.toLowerCase() : null;
}

/** A glob as an anchored, case-insensitive RegExp; everything but * and ? is literal, so a pattern cannot misbehave. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .trim()
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

export function criteriaCount(criteria: RuleCriteria): number {
  return (
    [criteria.provider, criteria.system, criteria.businessUnit, criteria.namePattern, criteria.account].filter(Boolean).length +
    Object.keys(criteria.tags ?? {}).length
  );
}

export function matches(criteria: RuleCriteria, subject: RuleSubject): boolean {
  if (criteria.provider && !same(criteria.provider, subject.provider)) return false;
  if (criteria.system && !same(criteria.system, subject.system)) return false;
  if (criteria.businessUnit && !same(criteria.businessUnit, subject.businessUnit)) return false;
  if (criteria.namePattern && !globToRegExp(criteria.namePattern).test(subject.name ?? '')) return false;
  if (criteria.account && !same(criteria.account, accountOf(subject))) return false;
  const tags = new Map(Object.entries(subject.tags).map(([key, value]) => [key.toLowerCase(), value]));
  for (const [key, value] of Object.entries(criteria.tags ?? {})) if (!same(tags.get(key.toLowerCase()), value)) return false;
  return true;
}
