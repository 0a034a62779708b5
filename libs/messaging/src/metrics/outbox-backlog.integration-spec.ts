import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@nhi/testing';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../tables/messaging-entities';
import { readOutboxBacklog } from './outbox-backlog';

/** The scrape-time backlog reading against a real outbox table, with rows written as the relay would leave them. */
let database: TestDatabase;
let dataSource: DataSource;

async function insertRows(count: number, { sent, ageSeconds }: { sent: boolean; ageSeconds: number }): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await dataSource.query(
      `INSERT INTO outbox_events (id, topic, message_key, payload, created_at, sent_at)
       VALUES ($1, 'nhi.inventory.events.v1', 'key', '{}'::jsonb, now() - make_interval(secs => $2), CASE WHEN $3 THEN now() END)`,
      [randomUUID(), ageSeconds, sent],
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase('outbox_backlog');
  dataSource = new DataSource({ type: 'postgres', url: database.url, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('readOutboxBacklog', () => {
  it('reads an empty outbox as no backlog and no age', async () => {
    expect(await readOutboxBacklog(dataSource.manager)).toEqual({ unsent: 0, oldestUnsentAgeSeconds: 0 });
  });

  it('counts only unsent rows and ages the one the relay publishes next', async () => {
    await insertRows(2, { sent: true, ageSeconds: 600 });
    await insertRows(1, { sent: false, ageSeconds: 90 });
    await insertRows(4, { sent: false, ageSeconds: 5 });
    const backlog = await readOutboxBacklog(dataSource.manager);
    expect(backlog.unsent).toBe(5);
    expect(backlog.oldestUnsentAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(backlog.oldestUnsentAgeSeconds).toBeLessThan(600);
  });

  it('past the count cap, reads the span of sequence numbers from the head', async () => {
    expect((await readOutboxBacklog(dataSource.manager, 3)).unsent).toBe(5);
  });

  it('reads a drained outbox as no backlog again', async () => {
    await dataSource.query('UPDATE outbox_events SET sent_at = now() WHERE sent_at IS NULL');
    expect(await readOutboxBacklog(dataSource.manager)).toEqual({ unsent: 0, oldestUnsentAgeSeconds: 0 });
  });
});
