import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order `owners(search:)` pages in: an unfiltered picker page is an index range scan.
 * A contains-search still reads every owner row; owners are a directory (thousands, not millions),
 * so pg_trgm, an extension the service does not use yet, is left until a directory is big enough to need it.
 */
export class OwnerSearch1765000000000 implements MigrationInterface {
  name = 'OwnerSearch1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX ix_owners_active_lower_name ON owners (active, lower(name), id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_owners_active_lower_name');
  }
}
