import type { EntityManager } from 'typeorm';

export interface InboxEntry {
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
 */
export async function claimInboxEntry(manager: EntityManager, entry: InboxEntry): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO inbox_events (event_id, consumer, topic, partition, "offset", event_type)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id, consumer) DO NOTHING
     RETURNING event_id`,
    [entry.eventId, entry.consumer, entry.topic, entry.partition, entry.offset, entry.eventType],
  );
  return inserted.length > 0;
}
