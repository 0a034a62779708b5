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
}

/**
 * Records that a handler applies an event, in the handler's own transaction.
 * False when the row already exists: the event was applied before and this is a redelivery.
 * A concurrent redelivery waits on the uncommitted row and then also gets false.
 * Rows written before events were keyed by source carry an empty source and
 * still count, so an upgrade never applies an event twice.
 */
export async function claimInboxEntry(manager: EntityManager, entry: InboxEntry): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO inbox_events (event_source, event_id, consumer, topic, partition, "offset", event_type)
     SELECT $1, $2, $3, $4, $5, $6, $7
      WHERE NOT EXISTS (SELECT 1 FROM inbox_events WHERE event_source = '' AND event_id = $2 AND consumer = $3)
     ON CONFLICT (event_source, event_id, consumer) DO NOTHING
     RETURNING event_id`,
    [entry.eventSource, entry.eventId, entry.consumer, entry.topic, entry.partition, entry.offset, entry.eventType],
  );
  return inserted.length > 0;
}
