import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ingest moves last_seen_at on every identity and sighting it reports.
 * Leaving room on each page lets PostgreSQL make those heap-only updates: the
 * new row version stays on its page and no index is touched.
 */
export class RoomForSightings1764400000000 implements MigrationInterface {
  name = 'RoomForSightings1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE identities SET (fillfactor = 85)');
    await queryRunner.query('ALTER TABLE identity_sightings SET (fillfactor = 85)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE identities RESET (fillfactor)');
    await queryRunner.query('ALTER TABLE identity_sightings RESET (fillfactor)');
  }
}
