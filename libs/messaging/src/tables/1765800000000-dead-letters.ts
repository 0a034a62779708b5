import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every message a service dead-lettered, in its own database too: visible and counted without reading the DLQ topic. */
export class MessagingDeadLetters1765800000000 implements MigrationInterface {
  name = 'MessagingDeadLetters1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" text NOT NULL,
        message_key text,
        event_type text,
        error text NOT NULL,
        error_type text NOT NULL,
        handler text,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL,
        CONSTRAINT dead_letters_message UNIQUE (topic, partition, "offset")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letters');
  }
}
