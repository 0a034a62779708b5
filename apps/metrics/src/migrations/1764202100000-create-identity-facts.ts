import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityFacts1764202100000 implements MigrationInterface {
  name = 'CreateIdentityFacts1764202100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_facts (
        identity_id uuid PRIMARY KEY,
        kind text NOT NULL,
        environment text NOT NULL,
        provider text NOT NULL,
        business_unit text,
        registered_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_identity_facts_business_unit ON identity_facts (business_unit)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE identity_facts');
  }
}
