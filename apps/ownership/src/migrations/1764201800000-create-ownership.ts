import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOwnership1764201800000 implements MigrationInterface {
  name = 'CreateOwnership1764201800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE owners (
        id uuid PRIMARY KEY,
        external_ref text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('TEAM', 'PERSON')),
        name text NOT NULL,
        email text,
        business_unit text,
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE identity_ownership (
        identity_id uuid PRIMARY KEY,
        owner_id uuid REFERENCES owners (id),
        backup_owner_id uuid REFERENCES owners (id),
        status text NOT NULL CHECK (status IN ('OWNED', 'ORPHANED', 'UNASSIGNED')),
        last_attestation_at timestamptz,
        business_unit text,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_identity_ownership_owner ON identity_ownership (owner_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_ownership');
    await queryRunner.query('DROP TABLE owners');
  }
}
