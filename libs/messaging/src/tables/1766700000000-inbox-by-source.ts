import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event is identified by (source, id), as CloudEvents defines it, and an
 * integrator's id need not be a UUID. Rows from before keep an empty source:
 * the inbox claim still honours them (see claimInboxEntry).
 */
export class MessagingInboxBySource1766700000000 implements MigrationInterface {
  name = 'MessagingInboxBySource1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inbox_events DROP CONSTRAINT inbox_events_pk`);
    await queryRunner.query(`ALTER TABLE inbox_events ALTER COLUMN event_id TYPE text`);
    await queryRunner.query(`ALTER TABLE inbox_events ADD COLUMN event_source text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE inbox_events ALTER COLUMN event_source DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE inbox_events ADD CONSTRAINT inbox_events_pk PRIMARY KEY (event_source, event_id, consumer)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inbox_events DROP CONSTRAINT inbox_events_pk`);
    await queryRunner.query(`DELETE FROM inbox_events WHERE event_id !~ '^[0-9a-fA-F-]{36}$'`);
    await queryRunner.query(`ALTER TABLE inbox_events DROP COLUMN event_source`);
    await queryRunner.query(`ALTER TABLE inbox_events ALTER COLUMN event_id TYPE uuid USING event_id::uuid`);
    await queryRunner.query(`ALTER TABLE inbox_events ADD CONSTRAINT inbox_events_pk PRIMARY KEY (event_id, consumer)`);
  }
}
