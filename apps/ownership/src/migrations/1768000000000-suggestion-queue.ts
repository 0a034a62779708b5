import { MigrationInterface, QueryRunner } from 'typeorm';

/** The open-suggestions queue's order (oldest first), so a page reads the index, not every pending suggestion. */
export class SuggestionQueue1768000000000 implements MigrationInterface {
  name = 'SuggestionQueue1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_ownership_suggestions_queue ON ownership_suggestions (created_at, id) WHERE status = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_ownership_suggestions_queue');
  }
}
