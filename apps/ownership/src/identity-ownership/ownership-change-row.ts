import type { OwnershipChangeModel } from '../ownership/ownership-change.model';
import type { OwnershipChangeRow } from '../ownership/ownership.service';

export const OWNERSHIP_CHANGE_COLUMNS = 'id, identity_id, role, change, owner_id, previous_owner_id, via, actor, reason, at';

/** A row of ownership_history as the graph shows it; owners are loaded by their resolvers. */
export const toOwnershipChange = (row: OwnershipChangeRow): OwnershipChangeModel => ({
  id: row.id,
  identityId: row.identity_id,
  role: row.role,
  change: row.change,
  via: row.via,
  actor: row.actor,
  reason: row.reason,
  at: row.at,
  ownerId: row.owner_id,
  previousOwnerId: row.previous_owner_id,
});
