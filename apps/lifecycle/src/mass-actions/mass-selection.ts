import type { EntityManager } from 'typeorm';
import { FINDING_CATEGORIES, normalisedFingerprint, type FindingCategory } from '@nhi/contracts';
import { badInput } from '@nhi/graphql';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import type { IdentitySelectionInput } from './identity-selection.input';
import { REQUEST_TABLES, type MassActionKind, type StoredSelection } from '../requests/mass-action.entity';

/** The most identities one mass action takes: its requests are written in one transaction. */
export const MAX_MASS_ACTION = 100_000;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A selection checked and normalised: what the query takes and what the mass action records. */
export interface Criteria {
  identityIds: string[] | null;
  system: string | null;
  ownerId: string | null;
  provider: string | null;
  credentialFingerprint: string | null;
  source: string | null;
  findingCategory: FindingCategory | null;
  revocationPlanId: string | null;
  stored: StoredSelection;
}

/** Checks a selection; an error names the field that is wrong, never the value. */
export function criteriaOf(selection: IdentitySelectionInput): Criteria {
  const ids = selection.identityIds ?? null;
  if (ids) {
    if (ids.length === 0) throw badInput('identityIds is empty: name at least one identity, or leave it out', 'selection.identityIds');
    if (ids.length > MAX_MASS_ACTION) {
      throw badInput(`identityIds names ${ids.length} identities; a mass action takes at most ${MAX_MASS_ACTION}`, 'selection.identityIds');
    }
    const bad = ids.findIndex((id) => !UUID.test(id));
    if (bad >= 0) throw badInput(`identityIds[${bad}] is not an identity id (a UUID)`, `selection.identityIds.${bad}`);
  }
  const ownerId = selection.ownerId?.trim() || null;
  if (ownerId && !UUID.test(ownerId)) throw badInput('ownerId is not an owner id (a UUID)', 'selection.ownerId');
  const revocationPlanId = selection.revocationPlanId?.trim() || null;
  if (revocationPlanId && !UUID.test(revocationPlanId)) {
    throw badInput('revocationPlanId is not a revocation plan id (a UUID)', 'selection.revocationPlanId');
  }
  const fingerprintGiven = selection.credentialFingerprint?.trim() || null;
  const credentialFingerprint = fingerprintGiven && normalisedFingerprint(fingerprintGiven);
  if (fingerprintGiven && !credentialFingerprint) {
    throw badInput(
      'credentialFingerprint is not a fingerprint: expected sha256:, sha1: or sha512: and the hash',
      'selection.credentialFingerprint',
    );
  }
  const findingCategory = selection.findingCategory?.trim().toUpperCase() || null;
  if (findingCategory && !FINDING_CATEGORIES.includes(findingCategory as FindingCategory)) {
    throw badInput('findingCategory must be one of NHI1 to NHI10 (the OWASP Non-Human Identities Top 10)', 'selection.findingCategory');
  }
  const identityIds = ids ? [...new Set(ids.map((id) => id.toLowerCase()))] : null;
  const named = {
    system: selection.system?.trim() || null,
    ownerId: ownerId?.toLowerCase() ?? null,
    provider: selection.provider?.trim().toLowerCase() || null,
    credentialFingerprint,
    source: selection.source?.trim() || null,
    findingCategory: findingCategory as FindingCategory | null,
    revocationPlanId: revocationPlanId?.toLowerCase() ?? null,
  };
  if (!identityIds && Object.values(named).every((value) => value === null)) {
    throw badInput(
      'give identityIds, system, ownerId, provider, credentialFingerprint, source, findingCategory or revocationPlanId: a mass action never selects everything',
      'selection',
    );
  }
  const stored = Object.fromEntries(
    Object.entries({ identitiesNamed: identityIds?.length, ...named }).filter(([, value]) => value !== null && value !== undefined),
  ) as StoredSelection;
  return { identityIds, ...named, stored };
}

/** The identities a selection matched, locked, each with why it cannot take part when it cannot. */
export interface Selected {
  identity: IdentityLifecycleEntity;
  /** An approved exception of the action's control is in force. */
  held: boolean;
  /** Already revoked or on its way out, or an attempt of the same action is in progress. */
  skipped: boolean;
}

/**
 * Selects and locks (in key order, like every other path that locks identities)
 * the identities of a selection in one statement, with whether each is held or
 * skipped. Refuses a selection of more than MAX_MASS_ACTION identities.
 */
export async function selectForMassAction(
  manager: EntityManager,
  action: MassActionKind,
  criteria: Criteria,
  now: Date,
): Promise<{ selected: Selected[]; notFound: number }> {
  const where = [
    '($1::uuid[] IS NULL OR l.identity_id = ANY($1))',
    '($2::text IS NULL OR lower(l.system) = lower($2))',
    '($3::uuid IS NULL OR l.owner_id = $3)',
    '($4::text IS NULL OR l.provider = $4)',
    '($5::text IS NULL OR l.credential_fingerprint = $5)',
    '($6::text IS NULL OR l.sources @> ARRAY[$6::text])',
    `($7::text IS NULL OR EXISTS (SELECT 1 FROM known_findings f WHERE f.identity_id = l.identity_id AND f.category = $7 AND f.open))`,
    '($8::uuid IS NULL OR l.identity_id IN (SELECT unnest(p.identity_ids) FROM revocation_plans p WHERE p.id = $8))',
  ].join(' AND ');
  const params = [
    criteria.identityIds,
    criteria.system,
    criteria.ownerId,
    criteria.provider,
    criteria.credentialFingerprint,
    criteria.source,
    criteria.findingCategory,
    criteria.revocationPlanId,
  ];
  if (criteria.revocationPlanId) {
    const plans: unknown[] = await manager.query('SELECT 1 FROM revocation_plans WHERE id = $1', [criteria.revocationPlanId]);
    if (plans.length === 0) throw badInput('revocationPlanId names no saved revocation plan', 'selection.revocationPlanId');
  }
  const [{ n }]: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM identity_lifecycle l WHERE ${where}`, params);
  if (n > MAX_MASS_ACTION) {
    throw badInput(`the selection matches ${n} identities; a mass action takes at most ${MAX_MASS_ACTION}: narrow it`, 'selection');
  }
  const rows: Array<Partial<IdentityLifecycleEntity> & { held: boolean; open: boolean }> = await manager.query(
    `SELECT l.identity_id AS "identityId", l.state, l.kind, l.provider, l.external_id AS "externalId", l.credentials,
       l.owner_path AS "ownerPath", l.policy_id AS "policyId",
       EXISTS (SELECT 1 FROM control_suspensions s WHERE s.identity_id = l.identity_id AND s.control = $9 AND s.expires_at > $10) AS held,
       EXISTS (SELECT 1 FROM ${REQUEST_TABLES[action]} r WHERE r.identity_id = l.identity_id AND r.status = 'REQUESTED') AS open
     FROM identity_lifecycle l WHERE ${where}
     ORDER BY l.identity_id FOR UPDATE OF l`,
    [...params, action, now],
  );
  const repository = manager.getRepository(IdentityLifecycleEntity);
  const selected = rows.map(({ held, open, ...columns }) => {
    const identity = repository.create(columns);
    const gone = identity.state === 'REVOKED' || identity.state === 'REVOKING';
    return { identity, held: held && !gone && !open, skipped: gone || open };
  });
  const notFound = criteria.identityIds ? criteria.identityIds.length - selected.length : 0;
  return { selected, notFound };
}
