import type { Admin } from 'kafkajs';
import { SERVICE_NAMES, type CheckContext, type ServiceName } from './context';
import { count, withDatabase } from './databases';
import { measureLag, topicEnds, type GroupLag } from './kafka-offsets';

/** What is still on its way somewhere: unsent outbox rows per database, each group's lag, and requests not ended yet. */
export interface Backlog {
  unsent: Map<ServiceName, number>;
  groups: GroupLag[];
  /** Rotations and revocations waiting for a result or for a retry still to come. */
  openRequests: number;
}

/** Not ended: waiting for a result, or an attempt that failed or timed out with its retry still to come. */
const OPEN_REQUESTS = ['rotation_requests', 'revocation_requests']
  .map((table) => `SELECT count(*) AS n FROM ${table} WHERE status = 'REQUESTED' OR (next_attempt_at IS NOT NULL AND retried_at IS NULL)`)
  .join(' UNION ALL ');

async function openRequests(url: string): Promise<number> {
  return withDatabase(url, (db) => count(db, `SELECT sum(n)::int AS n FROM (${OPEN_REQUESTS}) AS open`));
}

export async function unsentOutboxRows(url: string): Promise<number> {
  return withDatabase(url, (db) => count(db, 'SELECT count(*) AS n FROM outbox_events WHERE sent_at IS NULL'));
}

export async function measureBacklog(ctx: CheckContext, admin: Admin): Promise<Backlog> {
  const counts = await Promise.all(SERVICE_NAMES.map((service) => unsentOutboxRows(ctx.databaseUrl(service))));
  const unsent = new Map<ServiceName, number>(SERVICE_NAMES.map((service, i) => [service, counts[i] ?? 0]));
  const groups = await measureLag(admin, ctx.groupIds, await topicEnds(admin, ctx.topicPrefix));
  return { unsent, groups, openRequests: await openRequests(ctx.databaseUrl('lifecycle')) };
}

export function isDrained(backlog: Backlog): boolean {
  return (
    [...backlog.unsent.values()].every((n) => n === 0) &&
    backlog.groups.every((g) => g.lag === 0n && !g.unmeasured) &&
    backlog.openRequests === 0
  );
}

/** One line per thing still waiting: for progress lines and a timeout's message. */
export function describeBacklog(backlog: Backlog, maxPartitions = 3): string[] {
  const lines: string[] = [];
  const unsent = [...backlog.unsent].filter(([, n]) => n > 0);
  if (unsent.length > 0) lines.push(`unsent outbox rows: ${unsent.map(([service, n]) => `${service} ${n}`).join(', ')}`);
  if (backlog.openRequests > 0) lines.push(`${backlog.openRequests} rotations or revocations not ended yet (a result or a retry to come)`);
  for (const group of backlog.groups) {
    if (group.unmeasured) lines.push(group.unmeasured);
    if (group.lag === 0n) continue;
    const where = group.lagging
      .slice(0, maxPartitions)
      .map((p) => `${p.topic}[${p.partition}] ${p.committed < 0n ? 'never committed' : `at ${p.committed}`} of ${p.high}`)
      .join('; ');
    const more = group.lagging.length > maxPartitions ? ` (+${group.lagging.length - maxPartitions} partitions)` : '';
    lines.push(`group ${group.groupId} (${group.state}, ${group.members} members) lags ${group.lag}: ${where}${more}`);
  }
  return lines;
}
