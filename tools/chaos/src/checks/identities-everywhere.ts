import type { Client } from 'pg';
import { checkResult, sample } from './check-result';
import type { Check, CheckContext, CheckResult, ServiceName } from './context';
import { count, rows, withDatabase } from './databases';

export const IDENTITIES_EVERYWHERE = 'identities-everywhere';

interface Known {
  id: string;
  status: string | null;
}

/**
 * Where each service keeps the identities it learned from inventory's events.
 * No service deletes such a row: a decommissioned identity stays, with its
 * status (inventory identities.status, ownership identity_status, metrics
 * identity_facts.status; lifecycle and exceptions keep no inventory status).
 */
const DOWNSTREAM: ReadonlyArray<{ service: ServiceName; table: string; sql: string }> = [
  {
    service: 'ownership',
    table: 'identity_ownership',
    sql: 'SELECT identity_id::text AS id, identity_status AS status FROM identity_ownership',
  },
  { service: 'lifecycle', table: 'identity_lifecycle', sql: 'SELECT identity_id::text AS id, NULL AS status FROM identity_lifecycle' },
  { service: 'exceptions', table: 'known_identities', sql: 'SELECT identity_id::text AS id, NULL AS status FROM known_identities' },
  { service: 'metrics', table: 'identity_facts', sql: 'SELECT identity_id::text AS id, status FROM identity_facts' },
];

const DECOMMISSIONED = 'DECOMMISSIONED';

/** The externalIds of the workload that inventory has no identity for (exactly, then ignoring case and spaces). */
async function missingExternalIds(db: Client, externalIds: readonly string[]): Promise<{ missing: string[]; onlyLoosely: number }> {
  if (externalIds.length === 0) return { missing: [], onlyLoosely: 0 };
  const found = await rows<{ external_id: string }>(db, 'SELECT DISTINCT external_id FROM identities WHERE external_id = ANY($1::text[])', [
    [...new Set(externalIds)],
  ]);
  const exact = new Set(found.map((r) => r.external_id));
  const unmatched = [...new Set(externalIds)].filter((id) => !exact.has(id));
  if (unmatched.length === 0) return { missing: [], onlyLoosely: 0 };
  const loose = await rows<{ key: string }>(
    db,
    'SELECT DISTINCT lower(btrim(external_id)) AS key FROM identities WHERE lower(btrim(external_id)) = ANY($1::text[])',
    [unmatched.map((id) => id.trim().toLowerCase())],
  );
  const looseKeys = new Set(loose.map((r) => r.key));
  const missing = unmatched.filter((id) => !looseKeys.has(id.trim().toLowerCase()));
  return { missing, onlyLoosely: unmatched.length - missing.length };
}

/** metrics' governanceSummary.totalIdentities: the running total of live (not decommissioned) identities. */
async function metricsTotals(db: Client): Promise<{ counted: number; governed: number }> {
  const counted = await count(
    db,
    `SELECT coalesce(sum(n), 0) AS n FROM governance_counts
     WHERE rollup = 'all' AND business_unit IS NULL AND kind IS NULL AND measure = 'identities' AND bucket = ''`,
  );
  const governed = await count(db, 'SELECT count(*) AS n FROM identity_governance WHERE live');
  return { counted, governed };
}

/** Each downstream service's identities against inventory's: missing, extra, and (where it keeps one) a different status. */
async function compareDownstream(
  ctx: CheckContext,
  identities: readonly Known[],
): Promise<{ lost: number; doubled: number; evidence: string[]; counts: string[] }> {
  const ids = new Set(identities.map((i) => i.id));
  const decommissioned = new Set(identities.filter((i) => i.status === DECOMMISSIONED).map((i) => i.id));
  const statusOf = new Map(identities.map((i) => [i.id, i.status]));
  const evidence: string[] = [];
  let lost = 0;
  let doubled = 0;
  const counts: string[] = [];
  for (const { service, table, sql } of DOWNSTREAM) {
    const known = await withDatabase(ctx.databaseUrl(service), (db) => rows<Known>(db, sql));
    const theirs = new Set(known.map((k) => k.id));
    const missing = [...ids].filter((id) => !theirs.has(id));
    const extra = [...theirs].filter((id) => !ids.has(id));
    lost += missing.length;
    doubled += extra.length;
    counts.push(`${service} ${theirs.size}`);
    if (missing.length > 0) evidence.push(`${service}.${table} lacks ${missing.length}: ${sample(missing)}`);
    if (extra.length > 0) evidence.push(`${service}.${table} has ${extra.length} inventory does not: ${sample(extra)}`);
    const statusDiffers =
      service === 'metrics'
        ? known.filter((k) => ids.has(k.id) && k.status !== statusOf.get(k.id))
        : service === 'ownership'
          ? known.filter((k) => ids.has(k.id) && (k.status === DECOMMISSIONED) !== decommissioned.has(k.id))
          : [];
    if (statusDiffers.length > 0) {
      lost += statusDiffers.length;
      evidence.push(
        `${service}.${table} status differs from inventory for ${statusDiffers.length}: ` +
          sample(
            statusDiffers.map((k) => `${k.id} ${k.status} (inventory ${statusOf.get(k.id)})`),
            5,
          ),
      );
    }
  }
  return { lost, doubled, evidence, counts };
}

/**
 * inventory's identities, and the same identities in ownership
 * (identity_ownership), lifecycle (identity_lifecycle), exceptions
 * (known_identities) and metrics (identity_facts), compared as sets of ids;
 * statuses compared where the service keeps one (metrics all, ownership
 * whether decommissioned); the number of live identities compared with
 * metrics' totalIdentities (governance_counts, rollup 'all', which must agree
 * with identity_governance it is summed from); inventory's identity count
 * deltas summing to its rows; every externalId the workload ingested found in
 * inventory. lost = ids missing somewhere, statuses not carried over,
 * externalIds missing, and a total short of inventory's; doubled = ids only a
 * downstream service has, and a total above inventory's.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const evidence: string[] = [];
  let lost = 0;
  let doubled = 0;
  const inventory = await withDatabase(ctx.databaseUrl('inventory'), async (db) => ({
    identities: await rows<Known>(db, 'SELECT id::text AS id, status FROM identities'),
    counted: await count(db, 'SELECT coalesce(sum(n), 0) AS n FROM identity_count_deltas'),
    externalIds: await missingExternalIds(db, ctx.ingestedExternalIds),
  }));
  const ids = new Set(inventory.identities.map((i) => i.id));
  const decommissioned = new Set(inventory.identities.filter((i) => i.status === DECOMMISSIONED).map((i) => i.id));
  const live = ids.size - decommissioned.size;
  evidence.push(
    `inventory: ${ids.size} identities (${decommissioned.size} decommissioned); its running count says ${inventory.counted}; ` +
      `${ctx.ingestedExternalIds.length - inventory.externalIds.missing.length} of ${ctx.ingestedExternalIds.length} ingested externalIds found`,
  );
  if (inventory.counted !== ids.size) evidence.push(`inventory identity_count_deltas sums to ${inventory.counted}, not ${ids.size}`);
  if (inventory.externalIds.missing.length > 0) {
    lost += inventory.externalIds.missing.length;
    evidence.push(`externalIds ingested but not in inventory: ${sample(inventory.externalIds.missing)}`);
  }
  if (inventory.externalIds.onlyLoosely > 0) {
    evidence.push(`${inventory.externalIds.onlyLoosely} externalIds found only ignoring case and spaces (normalised by inventory)`);
  }

  const downstream = await compareDownstream(ctx, inventory.identities);
  lost += downstream.lost;
  doubled += downstream.doubled;
  evidence.push(...downstream.evidence);
  evidence.splice(1, 0, `downstream: ${downstream.counts.join(', ')}`);

  const totals = await withDatabase(ctx.databaseUrl('metrics'), metricsTotals);
  evidence.splice(
    2,
    0,
    `live identities: inventory ${live}, metrics totalIdentities ${totals.counted} (identity_governance ${totals.governed})`,
  );
  if (totals.counted < live) lost += live - totals.counted;
  if (totals.counted > live) doubled += totals.counted - live;
  const drifted = inventory.counted !== ids.size || totals.governed !== totals.counted;
  return checkResult(IDENTITIES_EVERYWHERE, { lost, doubled, evidence, failed: drifted });
}

export const identitiesEverywhere: Check = { name: IDENTITIES_EVERYWHERE, run };
