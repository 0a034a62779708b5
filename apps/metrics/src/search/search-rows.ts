import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REFRESH_SEARCH_SQL } from './refresh-search.sql';

/** Keeps identity_search in step with the facts tables, in the transaction that changed them. */
@Injectable()
export class SearchRows {
  /** Call it after GovernanceCounts.refresh, which holds the identities' locks until the commit. */
  async refresh(manager: EntityManager, identityIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(identityIds)];
    if (ids.length > 0) await manager.query(REFRESH_SEARCH_SQL, [ids]);
  }
}
