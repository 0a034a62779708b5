import type { OwnerEntity } from '../owner-data/owner.entity';
import type { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnershipRuleEntity } from './ownership-rule.entity';
import { matches, type RuleSubject } from './rule-criteria';

/**
 * The enabled rules, oldest first, and the active owners they name: read once,
 * a run of inventory events evaluates every identity it mentions against them
 * without a query for the many identities no rule acts on.
 */
export interface RuleBook {
  rules: readonly OwnershipRuleEntity[];
  activeOwners: ReadonlyMap<string, OwnerEntity>;
}

/**
 * The rules that would act on an identity: they match it and name an active
 * owner other than its PRIMARY one (and other than `exclude`). None: evaluating
 * it changes nothing.
 */
export function usableRules(
  book: RuleBook,
  row: RuleSubject & Pick<IdentityOwnershipEntity, 'ownerId'>,
  exclude?: string,
): OwnershipRuleEntity[] {
  return book.rules.filter(
    (rule) =>
      matches(rule.criteria, row) && book.activeOwners.has(rule.ownerId) && rule.ownerId !== row.ownerId && rule.ownerId !== exclude,
  );
}
