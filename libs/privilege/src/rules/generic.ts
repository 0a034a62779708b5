import { isAllowed } from '../evaluate';
import { grantEvidence } from '../evidence';
import { survivingGrants, type Grant } from '../grants';
import { grantsEvidence } from './grant-evidence';
import { fixedRule } from './rule';

/**
 * Providers the library has no rules for (an AI agent registry, a ticketing
 * tool): only what any permission vocabulary shares can be read. Words are
 * compared whole (`tickets:read`, `read:tickets`), never as substrings, so
 * `spreadsheet:edit` is not a read and `kb:admin-search` is not an admin.
 */
const READ_WORDS = new Set(['read', 'get', 'list', 'view', 'viewer', 'describe', 'search', 'query']);

function isRead(grant: Grant): boolean {
  if (grant.except || /^\*+$/.test(grant.action)) return false;
  return grant.action
    .toLowerCase()
    .split(/[:./\s]+/)
    .some((word) => READ_WORDS.has(word));
}

export const genericEverything = fixedRule(
  'generic.everything',
  'ADMIN',
  'Every action on every resource (`*` on `*`), whatever the provider.',
  [],
  (statements) => {
    const decision = isAllowed(statements, '*', '*');
    return decision.allowed ? [grantEvidence(['*'], '*', decision)] : [];
  },
);

export const genericRead = fixedRule(
  'generic.read',
  'LOW',
  'An action of a provider without rules whose words include read, get, list, view, describe, search or query.',
  [],
  (statements) => grantsEvidence(survivingGrants(statements).filter(isRead)),
);

export const genericUnknownAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'Any other action of a provider without rules: it could do anything, so it counts as a change.',
  [],
  (statements) => grantsEvidence(survivingGrants(statements).filter((grant) => !isRead(grant))),
);
