import { MigrationInterface, QueryRunner } from 'typeorm';

/** The integrators whose results are applied, each for the providers it answers for. */
export class Integrators1766800000000 implements MigrationInterface {
  name = 'Integrators1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integrators (
        source text PRIMARY KEY,
        providers text[] NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE integrators');
  }
}
