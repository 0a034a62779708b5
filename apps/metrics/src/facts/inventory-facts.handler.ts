import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdentitySnapshot, ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { recordHistory } from './state-history';

const IDENTITY_COLUMNS = `kind, environment, provider, business_unit, system, privilege_level, status, credential_created_at`;

function attributes(identity: IdentitySnapshot): unknown[] {
  return [
    identity.kind,
    identity.environment,
    identity.provider,
    identity.businessUnit,
    identity.system,
    identity.privilegeLevel,
    identity.status,
    identity.createdAt,
  ];
}

/**
 * Identities and findings, as inventory's events tell them. Metrics counts
 * only what events told it, so its numbers can be rebuilt from the topics.
 * A row keeps the time of the newest event applied to it; an older event
 * (a rebuild reading a partition again) never overwrites a newer one.
 */
@Injectable()
export class InventoryFactsHandler {
  @EventHandler('nhi.identity.discovered')
  async onDiscovered(event: ReceivedEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    const { identity, discoveredAt } = event.data;
    await manager.query(
      `INSERT INTO identity_facts (identity_id, ${IDENTITY_COLUMNS}, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (identity_id) DO NOTHING`,
      [identity.id, ...attributes(identity), discoveredAt],
    );
    await recordHistory(manager, [
      { identityId: identity.id, attribute: 'live', value: '1', at: discoveredAt },
      { identityId: identity.id, attribute: 'business_unit', value: identity.businessUnit, at: discoveredAt },
    ]);
  }

  @EventHandler('nhi.identity.updated')
  async onUpdated(event: ReceivedEvent<'nhi.identity.updated'>, manager: EntityManager): Promise<void> {
    const { identity, updatedAt } = event.data;
    await manager.query(
      `UPDATE identity_facts SET (${IDENTITY_COLUMNS}, updated_at) = ($2, $3, $4, $5, $6, $7, $8, $9, $10)
       WHERE identity_id = $1 AND updated_at <= $10`,
      [identity.id, ...attributes(identity), updatedAt],
    );
    if (event.data.changes.some((change) => change.field === 'businessUnit')) {
      await recordHistory(manager, [{ identityId: identity.id, attribute: 'business_unit', value: identity.businessUnit, at: updatedAt }]);
    }
  }

  @EventHandler('nhi.identity.stale')
  async onStale(event: ReceivedEvent<'nhi.identity.stale'>, manager: EntityManager): Promise<void> {
    await this.setStatus(manager, event.data.id, 'STALE', event.data.staleAt);
  }

  @EventHandler('nhi.identity.decommissioned')
  async onDecommissioned(event: ReceivedEvent<'nhi.identity.decommissioned'>, manager: EntityManager): Promise<void> {
    await this.setStatus(manager, event.data.id, 'DECOMMISSIONED', event.data.decommissionedAt);
    await recordHistory(manager, [{ identityId: event.data.id, attribute: 'live', value: '0', at: event.data.decommissionedAt }]);
  }

  @EventHandler('nhi.finding.opened')
  async onFindingOpened(event: ReceivedEvent<'nhi.finding.opened'>, manager: EntityManager): Promise<void> {
    const { findingId, identityId, category, detectedAt } = event.data;
    await manager.query(
      `INSERT INTO finding_facts (finding_id, identity_id, category, opened_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (finding_id) DO NOTHING`,
      [findingId, identityId, category, detectedAt],
    );
    await recordHistory(manager, [{ identityId, attribute: `finding:${findingId}`, value: '1', at: detectedAt }]);
  }

  @EventHandler('nhi.finding.closed')
  async onFindingClosed(event: ReceivedEvent<'nhi.finding.closed'>, manager: EntityManager): Promise<void> {
    const { findingId, identityId, category, closedAt } = event.data;
    await manager.query(
      `INSERT INTO finding_facts (finding_id, identity_id, category, closed_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (finding_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, updated_at = greatest(finding_facts.updated_at, EXCLUDED.updated_at)`,
      [findingId, identityId, category, closedAt],
    );
    await recordHistory(manager, [{ identityId, attribute: `finding:${findingId}`, value: '0', at: closedAt }]);
  }

  private async setStatus(manager: EntityManager, identityId: string, status: string, at: string): Promise<void> {
    await manager.query('UPDATE identity_facts SET status = $2, updated_at = $3 WHERE identity_id = $1 AND updated_at <= $3', [
      identityId,
      status,
      at,
    ]);
  }
}
