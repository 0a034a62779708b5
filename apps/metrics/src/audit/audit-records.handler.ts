import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';

/**
 * Keeps every audit record of every service in audit_records, as it came.
 * The inbox applies each event once; ON CONFLICT covers a replay of the topic
 * into a table that already holds it (the table refuses updates anyway).
 */
@Injectable()
export class AuditRecordsHandler {
  @EventHandler('nhi.audit.recorded')
  async onRecorded(event: ReceivedEvent<'nhi.audit.recorded'>, manager: EntityManager): Promise<void> {
    const data = event.data;
    await manager.query(
      `INSERT INTO audit_records
         (id, at, actor, roles, service, operation, target_ids, outcome, error_code, error, input, details, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO NOTHING`,
      [
        event.id,
        data.at,
        data.actor,
        data.roles,
        data.service,
        data.operation,
        data.targetIds,
        data.outcome,
        data.errorCode,
        data.error,
        JSON.stringify(data.input),
        data.details === null ? null : JSON.stringify(data.details),
        data.durationMs,
      ],
    );
  }
}
