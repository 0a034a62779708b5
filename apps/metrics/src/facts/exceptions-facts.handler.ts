import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExceptionEventData, ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { recordHistory } from './state-history';

/** Each exception's status, as exceptions' events tell it: the exception load per business unit. */
@Injectable()
export class ExceptionsFactsHandler {
  @EventHandler('nhi.exception.requested')
  async onRequested(event: ReceivedEvent<'nhi.exception.requested'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data, 'REQUESTED', event.data.at);
  }

  @EventHandler('nhi.exception.approved')
  async onApproved(event: ReceivedEvent<'nhi.exception.approved'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data, 'APPROVED');
  }

  @EventHandler('nhi.exception.rejected')
  async onRejected(event: ReceivedEvent<'nhi.exception.rejected'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data, 'REJECTED');
  }

  @EventHandler('nhi.exception.expired')
  async onExpired(event: ReceivedEvent<'nhi.exception.expired'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data, 'EXPIRED');
  }

  @EventHandler('nhi.exception.revoked')
  async onRevoked(event: ReceivedEvent<'nhi.exception.revoked'>, manager: EntityManager): Promise<void> {
    await this.set(manager, event.data, 'REVOKED');
  }

  private async set(manager: EntityManager, data: ExceptionEventData, status: string, requestedAt: string | null = null): Promise<void> {
    await manager.query(
      `INSERT INTO exception_facts (exception_id, identity_id, control, status, requested_at, expires_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (exception_id) DO UPDATE SET
         status = CASE WHEN exception_facts.updated_at <= EXCLUDED.updated_at THEN EXCLUDED.status ELSE exception_facts.status END,
         requested_at = coalesce(exception_facts.requested_at, EXCLUDED.requested_at),
         updated_at = greatest(exception_facts.updated_at, EXCLUDED.updated_at)`,
      [data.exceptionId, data.identityId, data.control, status, requestedAt, data.expiresAt, data.at],
    );
    await recordHistory(manager, [
      { identityId: data.identityId, attribute: `exception:${data.exceptionId}`, value: status, until: data.expiresAt, at: data.at },
    ]);
  }
}
