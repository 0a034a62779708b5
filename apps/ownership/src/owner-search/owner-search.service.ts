import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput, decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { OwnerEntity } from '../owner-data/owner.entity';
import { cleanText } from '../owner-data/owner-text';
import type { OwnerConnectionModel } from './owner-connection.model';

const MAX_SEARCH_LENGTH = 200;

/** What the owner picker asks for: a search term, and whether owners who left are offered too. */
export interface OwnerSearch {
  search?: string | null;
  includeInactive?: boolean | null;
}

/** The term as a LIKE pattern that matches it anywhere, with LIKE's own wildcards taken literally. */
function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Owners by name for pickers: a keyset page ordered by lower(name), then id, so cursors survive inserts.
 * The cursor keeps the name as stored and PostgreSQL lower-cases both sides, so the order and the cursor agree.
 */
@Injectable()
export class OwnerSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(criteria: OwnerSearch, first: number | null | undefined, after: string | null | undefined): Promise<OwnerConnectionModel> {
    const size = pageSize(first);
    const term = cleanText(criteria.search);
    if (term && term.length > MAX_SEARCH_LENGTH) {
      throw badInput(`search is longer than ${MAX_SEARCH_LENGTH} characters`, 'search');
    }
    const query = this.dataSource.getRepository(OwnerEntity).createQueryBuilder('o');
    if (!criteria.includeInactive) query.andWhere('o.active = true');
    if (term) {
      query.andWhere(
        "(lower(o.name) LIKE :pattern ESCAPE '\\' OR lower(o.email) LIKE :pattern ESCAPE '\\' OR lower(o.external_ref) LIKE :pattern ESCAPE '\\')",
        { pattern: containsPattern(term) },
      );
    }
    const count = query.clone();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(lower(o.name), o.id) > (lower(:name), :id)', { name: String(cursor.sortKey), id: cursor.id });
    }
    const rows = await query
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = pageOf(rows, size, after, (row) => encodeCursor(row.name, row.id));
    return { ...page, count: () => count.getCount() };
  }

  /** externalRef is unique across directories (a unique column), so a ref names at most one owner. */
  byExternalRef(ref: string): Promise<OwnerEntity | null> {
    const clean = cleanText(ref);
    if (!clean) return Promise.resolve(null);
    return this.dataSource.getRepository(OwnerEntity).findOne({ where: { externalRef: clean } });
  }
}
