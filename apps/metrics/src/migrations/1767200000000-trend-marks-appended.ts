import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * trend_dirty becomes an append-only log of marks (docs/adr/0021): keyed by
 * identity, every facts run's mark was a random-key index insert, or a
 * conflict check that waited on another run's uncommitted mark. Marks are
 * now appended with a growing seq (its index only ever grows at its right
 * edge), duplicates allowed, and the snapshot job takes them in seq order.
 */
export class TrendMarksAppended1767200000000 implements MigrationInterface {
  name = 'TrendMarksAppended1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE trend_dirty DROP CONSTRAINT trend_dirty_pkey');
    await queryRunner.query('ALTER TABLE trend_dirty ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM trend_dirty a USING trend_dirty b WHERE a.identity_id = b.identity_id AND a.seq > b.seq');
    await queryRunner.query('ALTER TABLE trend_dirty DROP COLUMN seq');
    await queryRunner.query('ALTER TABLE trend_dirty ADD PRIMARY KEY (identity_id)');
  }
}
