import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, decodeCursor } from '@nhi/graphql';
import type { OwnershipChangeRow } from '../ownership/ownership.service';
import { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import { OWNERSHIP_CHANGE_COLUMNS } from './ownership-change-row';

/** A change with its time as PostgreSQL prints it: microseconds kept, so a cursor names exactly one row. */
export type HistoryRow = OwnershipChangeRow & { at_key: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function historyCursor(after: string): { at: string; id: string } {
  const { sortKey, id } = decodeCursor(after);
  if (typeof sortKey !== 'string' || Number.isNaN(Date.parse(sortKey)) || !UUID.test(id)) {
    throw badInput('after is not a cursor this API issued; pass pageInfo.endCursor from the previous page', 'after');
  }
  return { at: sortKey, id };
}

/** The lists ownership hangs on an identity, read for many identities in one statement each. */
@Injectable()
export class IdentityOwnershipLists {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` changes of each identity, oldest first, after the change the cursor names:
   * one window query for the whole page of identities (served by ix_ownership_history_identity).
   */
  historyOf(identityIds: readonly string[], limit: number, after: string | null | undefined): Promise<HistoryRow[]> {
    const cursor = after ? historyCursor(after) : null;
    return this.dataSource.query(
      `SELECT ${OWNERSHIP_CHANGE_COLUMNS}, at::text AS at_key FROM (
         SELECT ${OWNERSHIP_CHANGE_COLUMNS}, row_number() OVER (PARTITION BY identity_id ORDER BY at, id) AS n
         FROM ownership_history
         WHERE identity_id = ANY($1::uuid[]) AND ($2::timestamptz IS NULL OR (at, id) > ($2::timestamptz, $3::uuid))
       ) page WHERE n <= $4 ORDER BY identity_id, at, id`,
      [identityIds, cursor?.at ?? null, cursor?.id ?? null, limit],
    );
  }

  async historyCounts(identityIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ identity_id: string; n: number }> = await this.dataSource.query(
      'SELECT identity_id, count(*)::int AS n FROM ownership_history WHERE identity_id = ANY($1::uuid[]) GROUP BY identity_id',
      [identityIds],
    );
    return new Map(rows.map((row) => [row.identity_id, row.n]));
  }

  /** Suggestions of each identity in the order of `ownershipSuggestions`: open ones first, surest first. */
  suggestionsOf(identityIds: readonly string[]): Promise<OwnershipSuggestionEntity[]> {
    return this.dataSource
      .getRepository(OwnershipSuggestionEntity)
      .find({ where: { identityId: In([...identityIds]) }, order: { status: 'ASC', confidence: 'DESC', createdAt: 'ASC' } });
  }
}
