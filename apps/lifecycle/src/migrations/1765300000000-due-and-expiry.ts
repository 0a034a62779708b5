import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which due date an identity was warned about and announced for, so each happens once per due date. */
export class DueAndExpiry1765300000000 implements MigrationInterface {
  name = 'DueAndExpiry1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity_lifecycle
        ADD COLUMN warned_for timestamptz,
        ADD COLUMN expired_at timestamptz`);
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_expiry ON identity_lifecycle (expires_at) WHERE expired_at IS NULL');
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_state ON identity_lifecycle (state, identity_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_lifecycle_state');
    await queryRunner.query('DROP INDEX ix_identity_lifecycle_expiry');
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN expired_at, DROP COLUMN warned_for');
  }
}
