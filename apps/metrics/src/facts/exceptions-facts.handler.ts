import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { FactRows, instant, latest, type FactRow } from './fact-rows';
import { FactsWriter } from './facts-writer';
import type { HistoryEntry } from './state-history';

interface ExceptionFact extends FactRow {
  exception_id: string;
  identity_id: string;
  control: string;
  status: string;
  requested_at: string | null;
  expires_at: string;
  updated_at: string;
}

const COLUMNS: Array<keyof ExceptionFact & string> = [
  'exception_id',
  'identity_id',
  'control',
  'status',
  'requested_at',
  'expires_at',
  'updated_at',
];
const STATUS_OF = {
  'nhi.exception.requested': 'REQUESTED',
  'nhi.exception.approved': 'APPROVED',
  'nhi.exception.rejected': 'REJECTED',
  'nhi.exception.expired': 'EXPIRED',
  'nhi.exception.revoked': 'REVOKED',
} as const;
type ExceptionEvent = ReceivedEventOf<keyof typeof STATUS_OF>;

/** Each exception's status, as exceptions' events tell it: the exception load per business unit. */
@Injectable()
export class ExceptionsFactsHandler {
  constructor(private readonly facts: FactsWriter) {}

  @EventBatchHandler(Object.keys(STATUS_OF) as Array<keyof typeof STATUS_OF>, {
    formerly: {
      'nhi.exception.requested': 'onRequested',
      'nhi.exception.approved': 'onApproved',
      'nhi.exception.rejected': 'onRejected',
      'nhi.exception.expired': 'onExpired',
      'nhi.exception.revoked': 'onRevoked',
    },
  })
  async apply(events: readonly ExceptionEvent[], manager: EntityManager): Promise<void> {
    const rows = await FactRows.load<ExceptionFact>(
      manager,
      'exception_facts',
      'exception_id',
      COLUMNS,
      events.map((e) => e.data.exceptionId),
    );
    const history: HistoryEntry[] = [];
    for (const event of events) {
      const { data } = event;
      const status = STATUS_OF[event.type];
      const row = rows.get(data.exceptionId);
      // An older event (a rebuild reading again) does not take the status back; the first request time stays.
      rows.set(
        data.exceptionId,
        row
          ? {
              ...row,
              status: instant(row.updated_at) <= instant(data.at) ? status : row.status,
              requested_at: row.requested_at ?? (event.type === 'nhi.exception.requested' ? data.at : null),
              updated_at: latest(row.updated_at, data.at) ?? data.at,
            }
          : {
              exception_id: data.exceptionId,
              identity_id: data.identityId,
              control: data.control,
              status,
              requested_at: event.type === 'nhi.exception.requested' ? data.at : null,
              expires_at: data.expiresAt,
              updated_at: data.at,
            },
      );
      history.push({
        identityId: data.identityId,
        attribute: `exception:${data.exceptionId}`,
        value: status,
        until: data.expiresAt,
        at: data.at,
      });
    }
    await this.facts.write(manager, { events, tables: [rows], history, identityIds: events.map((e) => e.data.identityId) });
  }
}
