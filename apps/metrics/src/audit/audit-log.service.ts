import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditRecordedData } from '@nhi/contracts';
import { badInput, decodeCursor, encodeCursor, Page, pageOf, pageSize } from '@nhi/graphql';
import type { AuditLogFilterInput } from './audit-log.filter';
import type { AuditRecordModel } from './audit-record.model';

/** A stored record: the event's data as it arrived, with its event id and a real timestamp. */
type AuditRow = Omit<AuditRecordedData, 'at' | 'input' | 'details'> & { id: string; at: Date; input: unknown; details: unknown };

/** Reads the audit log: newest first, keyset-paged on (at, id), filtered in SQL on indexed columns. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: AuditLogFilterInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const size = pageSize(first);
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      values.push(value);
      conditions.push(sql(`$${values.length}`));
    };
    if (filter?.actor) where((p) => `actor = ${p}`, filter.actor);
    if (filter?.operation?.length) where((p) => `operation = ANY(${p}::text[])`, filter.operation);
    if (filter?.service?.length) where((p) => `service = ANY(${p}::text[])`, filter.service);
    if (filter?.outcome?.length) where((p) => `outcome = ANY(${p}::text[])`, filter.outcome);
    if (filter?.targetId) where((p) => `target_ids @> ARRAY[${p}::text]`, filter.targetId);
    if (filter?.from) where((p) => `at >= ${p}`, validDate(filter.from, 'filter.from'));
    if (filter?.to) where((p) => `at < ${p}`, validDate(filter.to, 'filter.to'));
    if (after) {
      const cursor = decodeCursor(after);
      values.push(new Date(Number(cursor.sortKey)), cursor.id);
      conditions.push(`(at, id) < ($${values.length - 1}, $${values.length}::uuid)`);
    }
    values.push(size + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id, at, actor, roles, service, operation, target_ids AS "targetIds", outcome, error_code AS "errorCode", error,
              input, details, duration_ms AS "durationMs"
       FROM audit_records
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC
       LIMIT $${values.length}`,
      values,
    );
    const page: Page<AuditRow> = pageOf(rows, size, after, (row) => encodeCursor(row.at.getTime(), row.id));
    return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toModel(edge.node) })) };
  }
}

function validDate(value: Date, field: string): Date {
  if (Number.isNaN(value.getTime())) throw badInput(`${field} is not a valid time`, field);
  return value;
}

function toModel(row: AuditRow): AuditRecordModel {
  return {
    ...row,
    input: JSON.stringify(row.input),
    arguments: row.input,
    details: row.details === null ? null : JSON.stringify(row.details),
    figures: row.details ?? null,
  };
}
