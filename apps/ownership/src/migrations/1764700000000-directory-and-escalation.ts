import { MigrationInterface, QueryRunner } from 'typeorm';

/** Owners remember the directory that lists them; orphans remember how far their escalation went. */
export class DirectoryAndEscalation1764700000000 implements MigrationInterface {
  name = 'DirectoryAndEscalation1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE owners ADD COLUMN directory text, ADD COLUMN merged_into_id uuid REFERENCES owners (id)');
    await queryRunner.query('CREATE INDEX ix_owners_directory ON owners (directory) WHERE directory IS NOT NULL');
    await queryRunner.query(`
      ALTER TABLE identity_ownership
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN revocation_requested_at timestamptz`);
    await queryRunner.query(`CREATE INDEX ix_identity_ownership_orphans ON identity_ownership (orphaned_at) WHERE status = 'ORPHANED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_ownership_orphans');
    await queryRunner.query('ALTER TABLE identity_ownership DROP COLUMN revocation_requested_at, DROP COLUMN escalated_at');
    await queryRunner.query('DROP INDEX ix_owners_directory');
    await queryRunner.query('ALTER TABLE owners DROP COLUMN merged_into_id, DROP COLUMN directory');
  }
}
