import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may act on an identity as its owner (the PRIMARY owner's reference and its teams'), from ownership's events. */
export class OwnerPath1765800000000 implements MigrationInterface {
  name = 'OwnerPath1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE known_identities ADD COLUMN owner_path text[] NOT NULL DEFAULT '{}'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE known_identities DROP COLUMN owner_path');
  }
}
