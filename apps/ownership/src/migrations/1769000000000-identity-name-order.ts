import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The orphaned and unassigned lists sorted by name (orderBy NAME), so a page reads the index instead of sorting every
 * identity in the status. The expression is the one IdentityPages sorts by.
 */
export class IdentityNameOrder1769000000000 implements MigrationInterface {
  name = 'IdentityNameOrder1769000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_identity_ownership_status_name ON identity_ownership (status, (lower(coalesce(name, ''))), identity_id) WHERE identity_status <> 'DECOMMISSIONED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_ownership_status_name');
  }
}
