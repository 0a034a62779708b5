import type { EntityManager } from 'typeorm';

export interface InboxEntry {
  /** CloudEvents `source`: an event is (source, id), and two producers may use one id. */
  eventSource: string;
  eventId: string;
  /** `<consumer group>:<handler>`. */
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  eventType: string;
  /** The consumer name of the handler that applied this type before (EventBatchHandlerOptions.formerly): its rows count too. */
  formerConsumer?: string;
}

const keyOf = (entry: InboxEntry) => JSON.stringify([entry.eventSource, entry.eventId, entry.consumer]);

/**
 * Records, in one statement, that each handler applies each event of a run,
 * in the transaction that applies them. For each entry: true when it is
 * claimed now, false when the row already exists (a redelivery) or an earlier
 * entry of the same run claims the same event for the same handler. A
 * concurrent claim waits on the uncommitted rows and then gets false. Rows
 * written before events were keyed by source carry an empty source and still
 * count, and so do a former handler's, so an upgrade never applies an event twice. Rows go in in key order,
 * so two runs that overlap lock them in the same order and cannot deadlock.
 */
export async function claimInboxEntries(manager: EntityManager, entries: readonly InboxEntry[]): Promise<boolean[]> {
  if (entries.length === 0) return [];
  const firsts = new Map<string, InboxEntry>();
  for (const entry of entries) if (!firsts.has(keyOf(entry))) firsts.set(keyOf(entry), entry);
  const unique = [...firsts.values()];
  const column = <T>(pick: (entry: InboxEntry) => T) => unique.map(pick);
  const inserted: Array<{ event_source: string; event_id: string; consumer: string }> = await manager.query(
    `INSERT INTO inbox_events (event_source, event_id, consumer, topic, partition, "offset", event_type)
     SELECT i.event_source, i.event_id, i.consumer, i.topic, i.partition, i."offset", i.event_type
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])
            AS i(event_source, event_id, consumer, topic, partition, "offset", event_type, former)
      -- One probe of the primary key each: written as one OR, PostgreSQL hashes the whole inbox for every run.
      WHERE NOT EXISTS (SELECT 1 FROM inbox_events l WHERE l.event_source = '' AND l.event_id = i.event_id AND l.consumer = i.consumer)
        AND NOT EXISTS (SELECT 1 FROM inbox_events l WHERE l.event_source = '' AND l.event_id = i.event_id AND l.consumer = i.former)
        AND NOT EXISTS (SELECT 1 FROM inbox_events l WHERE l.event_source = i.event_source AND l.event_id = i.event_id AND l.consumer = i.former)
      ORDER BY i.event_source, i.event_id, i.consumer
     ON CONFLICT (event_source, event_id, consumer) DO NOTHING
     RETURNING event_source, event_id, consumer`,
    [
      column((e) => e.eventSource),
      column((e) => e.eventId),
      column((e) => e.consumer),
      column((e) => e.topic),
      column((e) => e.partition),
      column((e) => e.offset),
      column((e) => e.eventType),
      column((e) => e.formerConsumer ?? null),
    ],
  );
  const claimed = new Set(inserted.map((row) => JSON.stringify([row.event_source, row.event_id, row.consumer])));
  return entries.map((entry) => firsts.get(keyOf(entry)) === entry && claimed.has(keyOf(entry)));
}

/** claimInboxEntries for one entry: false for a redelivery. */
export async function claimInboxEntry(manager: EntityManager, entry: InboxEntry): Promise<boolean> {
  const [claimed] = await claimInboxEntries(manager, [entry]);
  return claimed ?? false;
}
