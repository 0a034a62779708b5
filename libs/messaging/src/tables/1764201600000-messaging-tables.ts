import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox tables; every service lists this migration before its own. */
export class MessagingTables1764201600000 implements MigrationInterface {
  name = 'MessagingTables1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`);
    // The relay only ever scans unsent rows in seq order; sent rows stay out of the index.
    await queryRunner.query(`CREATE INDEX outbox_events_unsent_idx ON outbox_events (seq) WHERE sent_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE inbox_events (
        event_id uuid NOT NULL,
        consumer text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" text NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbox_events_pk PRIMARY KEY (event_id, consumer)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox_events`);
    await queryRunner.query(`DROP TABLE outbox_events`);
  }
}
