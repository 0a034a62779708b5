import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Severity } from '@nhi/contracts';
import { badInput, CURSOR_NOT_OURS, decodeCursor, encodeCursor, isUuid, OrderDirection, orderTag, pageOf, pageSize } from '@nhi/graphql';
import {
  FindingOrderField,
  type FindingConnectionModel,
  type FindingOrderInput,
  type OpenFindingsFilterInput,
  type QueuedFinding,
} from './open-findings.types';

const SEVERITY_RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
const RANK_SQL = `CASE f.severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END`;

/** Most severe first, then newest: the queue's order when orderBy is left out, whose cursors carry no tag. */
const DEFAULT_ORDER: FindingOrderInput = { field: FindingOrderField.SEVERITY, direction: OrderDirection.DESC };

/** The keyset's columns for each order; the direction applies to every one. */
interface KeyColumn {
  sql: string;
  type: string;
  of: (cursor: { rank: number; detectedAt: string; id: string }) => unknown;
}
const RANK: KeyColumn = { sql: RANK_SQL, type: 'int', of: (cursor) => cursor.rank };
const DETECTED: KeyColumn = { sql: 'f.detected_at', type: 'timestamptz', of: (cursor) => cursor.detectedAt };
const ID: KeyColumn = { sql: 'f.id', type: 'uuid', of: (cursor) => cursor.id };
const KEYSET: Record<FindingOrderField, KeyColumn[]> = { SEVERITY: [RANK, DETECTED, ID], DETECTED_AT: [DETECTED, ID] };

interface FindingRow {
  id: string;
  identity_id: string;
  category: QueuedFinding['category'];
  code: string;
  subject: string;
  evidence: string[];
  severity: Severity;
  detail: string;
  detected_at: Date;
  rank: number;
}

/**
 * The security team's queue of open findings across the estate (issue 22 item 5):
 * most severe first, then newest, keyset-paged on (severity, detected_at, id).
 * Decommissioned identities are left out: their findings no longer call for work.
 */
@Injectable()
export class OpenFindingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    filter: OpenFindingsFilterInput | null,
    first: number | null,
    after: string | null,
    order: FindingOrderInput = DEFAULT_ORDER,
  ): Promise<FindingConnectionModel> {
    const size = pageSize(first);
    const where = this.where(filter ?? {});
    const params = [...where.params];
    const tag = orderTag(order, DEFAULT_ORDER);
    const keys = KEYSET[order.field];
    const direction = order.direction === OrderDirection.DESC ? 'DESC' : 'ASC';
    let keyset = '';
    if (after) {
      const cursor = fromCursor(after, tag);
      const placeholders = keys.map((key) => {
        params.push(key.of(cursor));
        return `$${params.length}::${key.type}`;
      });
      const columns = keys.map((key) => key.sql).join(', ');
      keyset = `AND (${columns}) ${direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`;
    }
    const orderBy = keys.map((key) => `${key.sql} ${direction}`).join(', ');
    params.push(size + 1);
    const rows = (await this.dataSource.query(
      `SELECT f.id, f.identity_id, f.category, f.code, f.subject, f.evidence, f.severity, f.detail, f.detected_at, ${RANK_SQL} AS rank
         FROM identity_findings f JOIN identities i ON i.id = f.identity_id
        WHERE ${where.sql} ${keyset}
        ORDER BY ${orderBy}
        LIMIT $${params.length}`,
      params,
    )) as FindingRow[];
    const page = pageOf(rows, size, after, (row) => toCursor(row, tag));
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: toFinding(node), cursor })),
      pageInfo: page.pageInfo,
      count: async () => {
        const [{ count }] = (await this.dataSource.query(
          `SELECT count(*)::int AS count FROM identity_findings f JOIN identities i ON i.id = f.identity_id WHERE ${where.sql}`,
          where.params,
        )) as [{ count: number }];
        return count;
      },
    };
  }

  private where(filter: OpenFindingsFilterInput): { sql: string; params: unknown[] } {
    const clauses = ['f.closed_at IS NULL', "i.status <> 'DECOMMISSIONED'"];
    const params: unknown[] = [];
    if (filter.businessUnit) {
      params.push(filter.businessUnit);
      clauses.push(`i.business_unit = $${params.length}`);
    }
    if (filter.categories && filter.categories.length > 0) {
      params.push(filter.categories);
      clauses.push(`f.category = ANY($${params.length}::text[])`);
    }
    if (filter.minSeverity) {
      params.push(SEVERITY_RANK[filter.minSeverity]);
      clauses.push(`${RANK_SQL} >= $${params.length}`);
    }
    return { sql: clauses.join(' AND '), params };
  }
}

function toFinding(row: FindingRow): QueuedFinding {
  return {
    id: row.id,
    identityId: row.identity_id,
    category: row.category,
    code: row.code,
    // An empty subject is the identity itself: the graph says so with null.
    subject: row.subject || null,
    evidence: row.evidence,
    severity: row.severity,
    detail: row.detail,
    detectedAt: row.detected_at,
    closedAt: null,
  };
}

function toCursor(row: FindingRow, tag: string | undefined): string {
  return encodeCursor(`${row.rank}|${row.detected_at.toISOString()}`, row.id, tag);
}

function fromCursor(after: string, tag: string | undefined): { rank: number; detectedAt: string; id: string } {
  const { sortKey, id } = decodeCursor(after, tag);
  const [rank, detectedAt] = String(sortKey).split('|');
  if (!rank || !detectedAt || !/^[1-4]$/.test(rank) || Number.isNaN(Date.parse(detectedAt)) || !isUuid(id)) {
    throw badInput(CURSOR_NOT_OURS, 'after');
  }
  return { rank: Number(rank), detectedAt, id };
}
