/** Matching rows that mutations created to the audit records of those mutations. */

export interface AuditRecordRow {
  id: string;
  operation: string;
  actor: string;
  at: Date;
  /** Lower-cased. */
  targets: Set<string>;
}

/** One row a mutation created, with the ids its audit record may name (its own id first). */
export interface AuditedRow {
  id: string;
  identityId: string;
}

export interface Matching {
  /** Rows with no record. */
  unrecorded: string[];
  /** Rows named by more than one record. */
  recordedTwice: string[];
}

/**
 * Each row of a one-row mutation (requestRotation, requestException ...)
 * against the SUCCEEDED records of that operation: a record naming the row's
 * id matches it; the rest are matched per identity, as many records naming
 * the identity as rows of it (a record written before the row's id was known
 * names the identity only).
 */
export function matchOneByOne(audited: readonly AuditedRow[], records: readonly AuditRecordRow[]): Matching {
  const ids = new Set(audited.map((row) => row.id));
  const namingRow = new Map<string, number>();
  const used = new Set<string>();
  for (const record of records) {
    for (const target of record.targets) {
      if (!ids.has(target)) continue;
      namingRow.set(target, (namingRow.get(target) ?? 0) + 1);
      used.add(record.id);
    }
  }
  const pending = new Map<string, string[]>();
  for (const row of audited) {
    if (namingRow.has(row.id)) continue;
    pending.set(row.identityId, [...(pending.get(row.identityId) ?? []), row.id]);
  }
  const spare = new Map<string, number>();
  for (const record of records) {
    if (used.has(record.id)) continue;
    for (const target of record.targets) if (pending.has(target)) spare.set(target, (spare.get(target) ?? 0) + 1);
  }
  const unrecorded = [...pending].flatMap(([identityId, rows]) => rows.slice(spare.get(identityId) ?? 0));
  const recordedTwice = [...namingRow].filter(([, n]) => n > 1).map(([id]) => id);
  return { unrecorded, recordedTwice };
}

/** Rows one mutation created together (a mass action, a bulk revocation, a group of exceptions). */
export interface AuditedGroup {
  /** The mass action or group id when there is one (the record names it), else a description. */
  key: string;
  /** Ids a record of the mutation may name: the group's own, its rows', their identities'. */
  ids: Set<string>;
  /** The actor the rows say requested them, and when, for a record whose targets were cut short. */
  actor: string | null;
  at: Date;
}

/** How far apart a mutation's record and its rows' own time may be: the record is written as it commits. */
const SAME_MUTATION_MS = 10 * 60_000;

/**
 * Each group against the SUCCEEDED records of its operation: a record naming
 * one of its ids, or else (a record names at most 100 ids) one by the same
 * actor at about the same time that no other group took.
 */
export function matchGroups(groups: readonly AuditedGroup[], records: readonly AuditRecordRow[]): string[] {
  const taken = new Set<string>();
  const unrecorded: AuditedGroup[] = [];
  for (const group of groups) {
    const named = records.find((r) => [...r.targets].some((target) => group.ids.has(target)));
    if (named) taken.add(named.id);
    else unrecorded.push(group);
  }
  return unrecorded
    .filter((group) => {
      const near = records.find(
        (r) => !taken.has(r.id) && r.actor === group.actor && Math.abs(r.at.getTime() - group.at.getTime()) <= SAME_MUTATION_MS,
      );
      if (near) taken.add(near.id);
      return !near;
    })
    .map((group) => group.key);
}
