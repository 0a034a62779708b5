import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventDataByType, ExceptionEventData, timeOrderedUuid } from '@nhi/contracts';
import { OutboxService } from '@nhi/messaging';
import type { ExceptionAction } from './exception-enums';
import { ExceptionHistoryEntity } from './exception-history.entity';
import type { PolicyExceptionEntity } from './policy-exception.entity';

/** The actor recorded for what the service does on its own. */
export const SYSTEM_ACTOR = 'exceptions';

const EVENT_OF = {
  REQUESTED: 'nhi.exception.requested',
  APPROVED: 'nhi.exception.approved',
  REJECTED: 'nhi.exception.rejected',
  EXPIRED: 'nhi.exception.expired',
  REVOKED: 'nhi.exception.revoked',
  REMINDED: 'nhi.exception.expiring-soon',
} as const satisfies Record<ExceptionAction, keyof EventDataByType>;

type EventOf<A extends ExceptionAction> = (typeof EVENT_OF)[A];
type ExtraOf<A extends ExceptionAction> = Omit<EventDataByType[EventOf<A>], keyof ExceptionEventData>;

/**
 * Every change to an exception leaves a history entry and an event, in the
 * transaction that made it: the history is the audit trail, the event is what
 * lifecycle (enforcement) and metrics act on.
 */
@Injectable()
export class ExceptionJournal {
  constructor(private readonly outbox: OutboxService) {}

  async record<A extends ExceptionAction>(
    manager: EntityManager,
    exception: PolicyExceptionEntity,
    entry: { action: A; actor: string; note: string | null; at: Date },
    extra: ExtraOf<A>,
  ): Promise<void> {
    await manager.getRepository(ExceptionHistoryEntity).insert({
      id: timeOrderedUuid(),
      exceptionId: exception.id,
      action: entry.action,
      status: exception.status,
      actor: entry.actor,
      note: entry.note,
      at: entry.at,
    });
    const common: ExceptionEventData = {
      exceptionId: exception.id,
      identityId: exception.identityId,
      control: exception.control,
      expiresAt: exception.expiresAt.toISOString(),
      groupId: exception.groupId,
      actor: entry.actor,
      at: entry.at.toISOString(),
    };
    await this.outbox.enqueue(manager, {
      type: EVENT_OF[entry.action],
      subject: exception.identityId,
      data: { ...common, ...extra } as EventDataByType[EventOf<A>],
    });
  }
}
