import type { EntityManager } from 'typeorm';
import type { OwnedTarget } from '@nhi/auth';

/** Deep enough for any real team hierarchy; stops a loop that slipped past the cycle check from running forever. */
const MAX_DEPTH = 50;

/**
 * Each owner's reference followed by its teams' references, innermost first:
 * who may act as that owner (the owner itself, or someone acting for one of its teams).
 */
export async function ownerPaths(manager: EntityManager, ownerIds: readonly string[]): Promise<Map<string, string[]>> {
  if (ownerIds.length === 0) return new Map();
  const rows: Array<{ start_id: string; refs: string[] }> = await manager.query(
    `WITH RECURSIVE chain AS (
       SELECT o.id AS start_id, o.external_ref, o.parent_id, 0 AS depth FROM owners o WHERE o.id = ANY($1::uuid[])
       UNION ALL
       SELECT c.start_id, p.external_ref, p.parent_id, c.depth + 1 FROM chain c JOIN owners p ON p.id = c.parent_id WHERE c.depth < $2
     )
     SELECT start_id, array_agg(external_ref ORDER BY depth) AS refs FROM chain GROUP BY start_id`,
    [ownerIds, MAX_DEPTH],
  );
  return new Map(rows.map((row) => [row.start_id, row.refs]));
}

/** Who may act on each identity as its owner: its PRIMARY and BACKUP owners and their teams. Unknown identities have an empty path. */
export async function identityOwnerPaths(manager: EntityManager, identityIds: readonly string[]): Promise<OwnedTarget[]> {
  const owned: Array<{ identity_id: string; owner_id: string | null; backup_owner_id: string | null }> = await manager.query(
    'SELECT identity_id, owner_id, backup_owner_id FROM identity_ownership WHERE identity_id = ANY($1::uuid[])',
    [identityIds],
  );
  const ownerIds = owned.flatMap((row) => [row.owner_id, row.backup_owner_id]).filter((id): id is string => id !== null);
  const paths = await ownerPaths(manager, [...new Set(ownerIds)]);
  const byIdentity = new Map(owned.map((row) => [row.identity_id, row]));
  return identityIds.map((identityId) => {
    const row = byIdentity.get(identityId);
    const ownerPath = row ? [row.owner_id, row.backup_owner_id].flatMap((id) => (id ? (paths.get(id) ?? []) : [])) : [];
    return { identityId, ownerPath };
  });
}
