import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { type AcceptedChange, changeKey } from './accepted-changes';
import { apiSchemaOf } from './api-schema';

export interface SchemaCheck {
  /** Breaking changes nobody accepted: the check fails on these. */
  breaking: Change[];
  /** Breaking changes on the allow-list, with their reasons. */
  accepted: Array<{ change: Change; reason: string }>;
  /** Changes that can break a client that is not careful (a new enum value, a changed default): printed, never fatal. */
  dangerous: Change[];
  /** Allow-list entries no change matches any more: the check fails until they are removed. */
  stale: AcceptedChange[];
  /** How many changes there are in all, safe ones included. */
  total: number;
}

/** Compares the clients' view of the released supergraph with the current one. */
export async function checkSupergraph(releasedSdl: string, currentSdl: string, acceptedChanges: AcceptedChange[]): Promise<SchemaCheck> {
  const changes = await diff(apiSchemaOf(releasedSdl), apiSchemaOf(currentSdl));
  const reasons = new Map(acceptedChanges.map((entry) => [changeKey(entry), entry.reason]));
  const check: SchemaCheck = { breaking: [], accepted: [], dangerous: [], stale: [], total: changes.length };
  const matched = new Set<string>();
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Dangerous) check.dangerous.push(change);
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const reason = reasons.get(changeKey(change));
    if (reason === undefined) {
      check.breaking.push(change);
    } else {
      check.accepted.push({ change, reason });
      matched.add(changeKey(change));
    }
  }
  check.stale = acceptedChanges.filter((entry) => !matched.has(changeKey(entry)));
  return check;
}

export function passed(check: SchemaCheck): boolean {
  return check.breaking.length === 0 && check.stale.length === 0;
}

const line = (change: Change) => `  - ${change.message} [${changeKey(change)}]`;

/** The report a developer reads: what breaks, what was accepted and why, what to look at, and how to go on. */
export function describeCheck(check: SchemaCheck, files: { released: string; accepted: string }): string {
  const parts: string[] = [];
  if (check.breaking.length > 0) {
    parts.push(
      `${check.breaking.length} breaking change(s) against the released supergraph (${files.released}):`,
      ...check.breaking.map(line),
      `A client built against the released schema may fail. Make the change additive (add, deprecate, remove later), or,`,
      `if the break is intended, add each one to ${files.accepted} as { "type", "path", "reason" }`,
      `(see docs/adr/0032-friendlier-api-surfaces.md); npm run graphql:release promotes the schema once it ships.`,
    );
  }
  if (check.stale.length > 0) {
    parts.push(
      `${check.stale.length} accepted change(s) in ${files.accepted} match no change any more; remove them:`,
      ...check.stale.map((entry) => `  - [${changeKey(entry)}]`),
    );
  }
  if (check.accepted.length > 0) {
    parts.push(
      `${check.accepted.length} accepted breaking change(s):`,
      ...check.accepted.map(({ change, reason }) => `${line(change)}: ${reason}`),
    );
  }
  if (check.dangerous.length > 0) {
    parts.push(`${check.dangerous.length} dangerous change(s) (not fatal; check clients handle them):`, ...check.dangerous.map(line));
  }
  if (passed(check)) parts.push(`supergraph: no unaccepted breaking change against the released schema (${check.total} change(s) in all)`);
  return parts.join('\n');
}
