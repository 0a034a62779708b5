import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a bulk revocation selects on besides the provider: the system (from inventory) and the owner (from ownership). */
export class RevocationSelectors1765400000000 implements MigrationInterface {
  name = 'RevocationSelectors1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE identity_lifecycle ADD COLUMN system text, ADD COLUMN owner_id uuid');
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_owner ON identity_lifecycle (owner_id) WHERE owner_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_system ON identity_lifecycle (lower(system)) WHERE system IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_identity_lifecycle_system');
    await queryRunner.query('DROP INDEX ix_identity_lifecycle_owner');
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN owner_id, DROP COLUMN system');
  }
}
