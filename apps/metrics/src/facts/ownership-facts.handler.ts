import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent, OwnershipStatus } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { recordHistory } from './state-history';

/** Who owns each identity and when it was last attested, as ownership's events tell it. */
@Injectable()
export class OwnershipFactsHandler {
  @EventHandler('nhi.ownership.assigned')
  async onAssigned(event: ReceivedEvent<'nhi.ownership.assigned'>, manager: EntityManager): Promise<void> {
    const { identityId, ownerId, role, ownershipStatus, assignedAt } = event.data;
    await this.set(manager, identityId, ownershipStatus, role === 'PRIMARY' ? ownerId : undefined, assignedAt);
  }

  @EventHandler('nhi.ownership.unassigned')
  async onUnassigned(event: ReceivedEvent<'nhi.ownership.unassigned'>, manager: EntityManager): Promise<void> {
    const { identityId, role, ownershipStatus, unassignedAt } = event.data;
    await this.set(manager, identityId, ownershipStatus, role === 'PRIMARY' ? null : undefined, unassignedAt);
  }

  @EventHandler('nhi.ownership.orphaned')
  async onOrphaned(event: ReceivedEvent<'nhi.ownership.orphaned'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data.identityId, 'ORPHANED', null, event.data.orphanedAt);
  }

  @EventHandler('nhi.ownership.attested')
  async onAttested(event: ReceivedEvent<'nhi.ownership.attested'>, manager: EntityManager): Promise<void> {
    const { identityId, attestedAt } = event.data;
    await manager.query(
      `INSERT INTO ownership_facts (identity_id, ownership_status, last_attested_at, updated_at) VALUES ($1, 'OWNED', $2, $2)
       ON CONFLICT (identity_id) DO UPDATE SET
         last_attested_at = greatest(ownership_facts.last_attested_at, EXCLUDED.last_attested_at),
         updated_at = greatest(ownership_facts.updated_at, EXCLUDED.updated_at)`,
      [identityId, attestedAt],
    );
    await recordHistory(manager, [{ identityId, attribute: 'attested', value: '1', at: attestedAt }]);
  }

  /** ownerId: the new PRIMARY owner, null for none, undefined when the event is about a BACKUP. */
  private async set(manager: EntityManager, identityId: string, status: OwnershipStatus, ownerId: string | null | undefined, at: string) {
    await manager.query(
      `INSERT INTO ownership_facts (identity_id, ownership_status, owner_id, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (identity_id) DO UPDATE SET
         ownership_status = EXCLUDED.ownership_status,
         owner_id = CASE WHEN $5 THEN EXCLUDED.owner_id ELSE ownership_facts.owner_id END,
         updated_at = EXCLUDED.updated_at
       WHERE ownership_facts.updated_at <= EXCLUDED.updated_at`,
      [identityId, status, ownerId ?? null, at, ownerId !== undefined],
    );
    await recordHistory(manager, [{ identityId, attribute: 'ownership', value: status, at }]);
  }
}
