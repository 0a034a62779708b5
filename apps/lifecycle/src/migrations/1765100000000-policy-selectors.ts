import { MigrationInterface, QueryRunner } from 'typeorm';

/** Policies select identities by kind, environment, privilege, provider and business unit (an empty list matches any). */
export class PolicySelectors1765100000000 implements MigrationInterface {
  name = 'PolicySelectors1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE rotation_policies
        ADD COLUMN kinds text[] NOT NULL DEFAULT '{}',
        ADD COLUMN environments text[] NOT NULL DEFAULT '{}',
        ADD COLUMN privilege_levels text[] NOT NULL DEFAULT '{}',
        ADD COLUMN providers text[] NOT NULL DEFAULT '{}',
        ADD COLUMN business_units text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT ck_rotation_policies_warn CHECK (warn_days < max_age_days)`);
    await queryRunner.query(
      'ALTER TABLE identity_lifecycle ADD COLUMN business_unit text, ADD COLUMN registered_at timestamptz NOT NULL DEFAULT now()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE identity_lifecycle DROP COLUMN registered_at, DROP COLUMN business_unit');
    await queryRunner.query(`
      ALTER TABLE rotation_policies DROP CONSTRAINT ck_rotation_policies_warn,
        DROP COLUMN kinds, DROP COLUMN environments, DROP COLUMN privilege_levels, DROP COLUMN providers, DROP COLUMN business_units`);
  }
}
