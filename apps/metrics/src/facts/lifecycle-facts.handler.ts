import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { HistoryEntry, recordHistory } from './state-history';

/**
 * Rotation and revocation as lifecycle's events tell them: whether a
 * credential is overdue, whether the platform manages its rotation, and how
 * long revocations take.
 */
@Injectable()
export class LifecycleFactsHandler {
  @EventHandler('nhi.credential.rotation-due')
  async onDue(event: ReceivedEvent<'nhi.credential.rotation-due'>, manager: EntityManager): Promise<void> {
    const { identityId, dueAt, warning, autoRotate } = event.data;
    await this.upsert(manager, identityId, event.time, {
      // A warning only says that it will fall due; being due is what counts against compliance.
      due_since: warning ? undefined : dueAt,
      managed: autoRotate ? true : undefined,
    });
    const history: HistoryEntry[] = [];
    if (!warning) history.push({ identityId, attribute: 'overdue', value: '1', at: dueAt });
    if (autoRotate) history.push({ identityId, attribute: 'managed', value: '1', at: event.time });
    await recordHistory(manager, history);
  }

  @EventHandler('nhi.credential.rotated')
  async onRotated(event: ReceivedEvent<'nhi.credential.rotated'>, manager: EntityManager): Promise<void> {
    const { identityId, rotatedAt } = event.data;
    await this.upsert(manager, identityId, event.time, { due_since: null, managed: true, last_rotated_at: rotatedAt });
    await recordHistory(manager, [
      { identityId, attribute: 'overdue', value: '0', at: rotatedAt },
      { identityId, attribute: 'managed', value: '1', at: rotatedAt },
    ]);
  }

  @EventHandler('nhi.credential.expired')
  async onExpired(event: ReceivedEvent<'nhi.credential.expired'>, manager: EntityManager): Promise<void> {
    await this.upsert(manager, event.data.identityId, event.time, { expired_at: event.data.expiredAt });
  }

  @EventHandler('nhi.credential.revocation-requested')
  async onRevocationRequested(event: ReceivedEvent<'nhi.credential.revocation-requested'>, manager: EntityManager): Promise<void> {
    // The lead time runs from the first attempt; retries do not restart it.
    if (event.data.attempt !== 1) return;
    await this.upsert(manager, event.data.identityId, event.time, { revocation_requested_at: event.data.requestedAt });
  }

  @EventHandler('nhi.credential.revoked')
  async onRevoked(event: ReceivedEvent<'nhi.credential.revoked'>, manager: EntityManager): Promise<void> {
    await this.upsert(manager, event.data.identityId, event.time, { revoked_at: event.data.revokedAt });
  }

  /** Sets the given columns (undefined: leave as is) on the identity's row, creating it if needed. */
  private async upsert(
    manager: EntityManager,
    identityId: string,
    at: string,
    values: Record<string, string | boolean | null | undefined>,
  ) {
    const columns = Object.entries(values).filter(([, value]) => value !== undefined);
    const names = columns.map(([name]) => name);
    await manager.query(
      `INSERT INTO lifecycle_facts (identity_id, updated_at${names.map((n) => `, ${n}`).join('')})
       VALUES ($1, $2${names.map((_, i) => `, $${i + 3}`).join('')})
       ON CONFLICT (identity_id) DO UPDATE SET updated_at = greatest(lifecycle_facts.updated_at, EXCLUDED.updated_at)
         ${names.map((n) => `, ${n} = EXCLUDED.${n}`).join('')}`,
      [identityId, at, ...columns.map(([, value]) => value)],
    );
  }
}
