import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved revocation plans (issue "Scale II"): the identities a planRevocation
 * selector matched when a security-admin saved it, so a mass action can act
 * on exactly the list that was reviewed, not on whatever the selector matches
 * by the time it is approved.
 */
export class RevocationPlans1767300000000 implements MigrationInterface {
  name = 'RevocationPlans1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE revocation_plans (
        id uuid PRIMARY KEY,
        selector jsonb NOT NULL,
        identity_ids uuid[] NOT NULL,
        skipped integer NOT NULL,
        planned_by text NOT NULL,
        planned_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE revocation_plans');
  }
}
