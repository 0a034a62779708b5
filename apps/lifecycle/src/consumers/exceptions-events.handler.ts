import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { HeldEnforcement } from '../held-enforcement/held-enforcement';
import { isSuspendable, Suspensions } from '../suspensions/suspensions';

/** Approved exceptions on ROTATION or REVOCATION suspend enforcement; their expiry or revocation resumes it at once. */
@Injectable()
export class ExceptionsEventsHandler {
  constructor(
    private readonly suspensions: Suspensions,
    private readonly held: HeldEnforcement,
  ) {}

  @EventHandler('nhi.exception.approved')
  async onApproved(event: ReceivedEvent<'nhi.exception.approved'>, manager: EntityManager): Promise<void> {
    const { exceptionId, identityId, control, expiresAt } = event.data;
    if (!isSuspendable(control)) return;
    await this.suspensions.suspend(manager, { exceptionId, identityId, control, expiresAt: new Date(expiresAt) });
  }

  @EventHandler('nhi.exception.expired')
  async onExpired(event: ReceivedEvent<'nhi.exception.expired'>, manager: EntityManager): Promise<void> {
    await this.ended(manager, event.data);
  }

  @EventHandler('nhi.exception.revoked')
  async onRevoked(event: ReceivedEvent<'nhi.exception.revoked'>, manager: EntityManager): Promise<void> {
    await this.ended(manager, event.data);
  }

  private async ended(
    manager: EntityManager,
    data: ReceivedEvent<'nhi.exception.expired' | 'nhi.exception.revoked'>['data'],
  ): Promise<void> {
    if (!isSuspendable(data.control)) return;
    await this.suspensions.lift(manager, data.exceptionId);
    await this.held.resume(manager, data.identityId);
  }
}
