import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventBatchHandler } from '@nhi/messaging';

/**
 * Keeps every audit record of every service in audit_records, as it came:
 * a run of them in one statement. The inbox applies each event once; ON
 * CONFLICT covers a replay of the topic into a table that already holds it
 * (the table refuses updates anyway).
 */
@Injectable()
export class AuditRecordsHandler {
  @EventBatchHandler(['nhi.audit.recorded'], { formerly: { 'nhi.audit.recorded': 'onRecorded' } })
  async apply(events: ReadonlyArray<ReceivedEvent<'nhi.audit.recorded'>>, manager: EntityManager): Promise<void> {
    const records = events.map(({ id, data }) => ({
      id,
      at: data.at,
      actor: data.actor,
      roles: data.roles,
      service: data.service,
      operation: data.operation,
      target_ids: data.targetIds,
      outcome: data.outcome,
      error_code: data.errorCode,
      error: data.error,
      input: data.input,
      details: data.details,
      duration_ms: data.durationMs,
    }));
    await manager.query(
      `INSERT INTO audit_records
         (id, at, actor, roles, service, operation, target_ids, outcome, error_code, error, input, details, duration_ms)
       SELECT r.id, r.at, r.actor, r.roles, r.service, r.operation, r.target_ids, r.outcome, r.error_code, r.error, r.input, r.details, r.duration_ms
       FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, at timestamptz, actor text, roles text[], service text, operation text,
         target_ids text[], outcome text, error_code text, error text, input jsonb, details jsonb, duration_ms integer)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(records)],
    );
  }
}
