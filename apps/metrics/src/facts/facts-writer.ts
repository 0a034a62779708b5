import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { GovernanceCounts } from '../counts/governance-counts';
import { SearchRows } from '../search/search-rows';
import { saveTimeline, timelineRows } from '../timeline/timeline-entries';
import { recordHistory, type HistoryEntry } from './state-history';

/** What a run of events changed: the facts tables' rows, the history, and the identities they are about; and the events, for the timeline. */
export interface RunChanges {
  events: ReadonlyArray<ReceivedEvent>;
  tables: ReadonlyArray<{ save(manager: EntityManager): Promise<void> }>;
  history: readonly HistoryEntry[];
  identityIds: Iterable<string>;
}

/** How every facts handler ends a run: in one place, so the totals always move last, as GovernanceCounts.refresh needs. */
@Injectable()
export class FactsWriter {
  constructor(
    private readonly counts: GovernanceCounts,
    private readonly search: SearchRows,
  ) {}

  async write(manager: EntityManager, { events, tables, history, identityIds }: RunChanges): Promise<void> {
    for (const table of tables) await table.save(manager);
    await saveTimeline(manager, timelineRows(events));
    await recordHistory(manager, history);
    const ids = [...identityIds];
    await this.counts.refresh(manager, ids);
    await this.search.refresh(manager, ids);
  }
}
