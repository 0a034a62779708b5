import { In, type EntityManager } from 'typeorm';
import type { IdentitySnapshot } from '@nhi/contracts';
import type { ReceivedEventOf } from '@nhi/messaging';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { RuleBook } from '../rules/rule-book';
import type { RulesService } from '../rules/rules.service';

export type InventoryEvent = ReceivedEventOf<'nhi.identity.discovered' | 'nhi.identity.updated' | 'nhi.identity.decommissioned'>;
type ReportEvent = Exclude<InventoryEvent, { type: 'nhi.identity.decommissioned' }>;

/** Inventory's attributes that ownership keeps: what assignment rules match on and pages show. */
function attributesOf(identity: IdentitySnapshot): Partial<IdentityOwnershipEntity> {
  return {
    name: identity.name,
    kind: identity.kind,
    provider: identity.provider,
    externalId: identity.externalId,
    system: identity.system,
    environment: identity.environment,
    businessUnit: identity.businessUnit,
    tags: identity.tags,
    identityStatus: identity.status,
  };
}

/** A newly discovered identity starts without an owner until a rule or a person assigns one. */
function trackedRow(event: ReportEvent): Partial<IdentityOwnershipEntity> {
  const { identity } = event.data;
  return {
    identityId: identity.id,
    ownerId: null,
    backupOwnerId: null,
    status: 'UNASSIGNED',
    updatedAt: reportedAt(event),
    ...attributesOf(identity),
  };
}

function reportedAt(event: ReportEvent): Date {
  return new Date(event.type === 'nhi.identity.discovered' ? event.data.discoveredAt : event.data.updatedAt);
}

/** The identity an event is about, as PostgreSQL returns it: it reads a uuid in either case, and the rows are keyed by what it returns. */
const identityIdOf = (event: InventoryEvent) =>
  (event.type === 'nhi.identity.decommissioned' ? event.data.id : event.data.identity.id).toLowerCase();

/**
 * Inserts, in one statement, the row of each identity the run reports that is
 * not tracked yet, as its first report in the run has it (a discovery or an
 * update tracks an unknown identity alike; a known row is never overwritten).
 * Returns the ids it inserted.
 */
async function trackUntracked(manager: EntityManager, reports: readonly ReportEvent[]): Promise<Set<string>> {
  const firsts = new Map<string, ReportEvent>();
  for (const event of reports) if (!firsts.has(identityIdOf(event))) firsts.set(identityIdOf(event), event);
  if (firsts.size === 0) return new Set();
  // In key order, as lockRows takes the others, so that two transactions locking several of these rows cannot deadlock.
  const rows = [...firsts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, event]) => trackedRow(event));
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(IdentityOwnershipEntity)
    .values(rows)
    .orIgnore()
    .returning('identity_id')
    .execute();
  return new Set((result.raw as Array<{ identity_id: string }>).map((row) => row.identity_id));
}

async function lockRows(manager: EntityManager, identityIds: readonly string[]): Promise<Map<string, IdentityOwnershipEntity>> {
  const rows = await manager.getRepository(IdentityOwnershipEntity).find({
    where: { identityId: In([...identityIds]) },
    order: { identityId: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  return new Map(rows.map((row) => [row.identityId, row]));
}

/** What the events changed of inventory's attributes, in one statement; owners were written as the rules assigned them. */
async function writeAttributes(manager: EntityManager, rows: readonly IdentityOwnershipEntity[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE identity_ownership o SET name = u.name, kind = u.kind, provider = u.provider, external_id = u.external_id,
       system = u.system, environment = u.environment, business_unit = u.business_unit, tags = u.tags,
       identity_status = u.identity_status, updated_at = u.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS u (identity_id uuid, name text, kind text, provider text, external_id text, system text,
       environment text, business_unit text, tags jsonb, identity_status text, updated_at timestamptz)
     WHERE o.identity_id = u.identity_id`,
    [
      JSON.stringify(
        rows.map((row) => ({
          identity_id: row.identityId,
          name: row.name,
          kind: row.kind,
          provider: row.provider,
          external_id: row.externalId,
          system: row.system,
          environment: row.environment,
          business_unit: row.businessUnit,
          tags: row.tags,
          identity_status: row.identityStatus,
          updated_at: row.updatedAt.toISOString(),
        })),
      ),
    ],
  );
}

/**
 * Applies a run of inventory's events as one call per event would: a discovery
 * tracks an unknown identity, an update tracks or refreshes it, a
 * decommissioning marks a known one, and each discovery and update runs the
 * ownership rules for its identity. The rows are inserted, locked and written
 * back a statement each, and the rules read once; the events are folded into
 * the rows in memory in partition order, so each evaluation sees its
 * identity as it is at that event. Only an evaluation that assigns or
 * suggests writes (RulesService.evaluate, as for one event), which is what
 * keeps the history, suggestions and outbox events those of one at a time.
 */
export async function applyInventoryEvents(manager: EntityManager, events: readonly InventoryEvent[], rules: RulesService): Promise<void> {
  const reports = events.filter((event): event is ReportEvent => event.type !== 'nhi.identity.decommissioned');
  // A row inserted here holds its first report's values, but one call per event would create it only at that report.
  const notYetTracked = await trackUntracked(manager, reports);
  const rows = await lockRows(manager, [...new Set(events.map(identityIdOf))]);
  const changed = new Set<IdentityOwnershipEntity>();
  let book: RuleBook | undefined;
  for (const event of events) {
    const row = rows.get(identityIdOf(event));
    // Only a decommissioning finds none: of an identity ownership never tracked, it updated nothing.
    if (!row) continue;
    if (event.type === 'nhi.identity.decommissioned') {
      if (notYetTracked.has(row.identityId)) continue;
      Object.assign(row, { identityStatus: 'DECOMMISSIONED', updatedAt: new Date(event.data.decommissionedAt) });
      changed.add(row);
      continue;
    }
    const at = reportedAt(event);
    if (!notYetTracked.delete(row.identityId) && event.type === 'nhi.identity.updated') {
      Object.assign(row, { ...attributesOf(event.data.identity), updatedAt: at });
      changed.add(row);
    }
    book ??= await rules.ruleBook(manager);
    await rules.evaluate(manager, row, at, { book });
  }
  await writeAttributes(manager, [...changed]);
}
