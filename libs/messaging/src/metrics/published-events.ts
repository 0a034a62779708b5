/** topic -> event type -> events this process's relay published (and marked sent). */
const published = new Map<string, Map<string, number>>();

/**
 * Counts a batch the relay has published and committed as sent. Kept per
 * process, as the SQL statement count is: one relay publishes for a database
 * at a time, so a sum over a service's instances counts each event once.
 */
export function recordPublished(rows: ReadonlyArray<{ topic: string; event_type: string }>): void {
  for (const { topic, event_type: type } of rows) {
    const byType = published.get(topic) ?? new Map<string, number>();
    byType.set(type, (byType.get(type) ?? 0) + 1);
    published.set(topic, byType);
  }
}

/** Every (topic, type) published so far with its count. */
export function publishedEvents(): Array<{ topic: string; type: string; count: number }> {
  return [...published].flatMap(([topic, byType]) => [...byType].map(([type, count]) => ({ topic, type, count })));
}
