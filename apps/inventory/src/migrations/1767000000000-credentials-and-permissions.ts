import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials become children of their identity, kept in its row (ADR 0019),
 * and the identity keeps the permission statements its privilege is derived
 * from, with the reasons for the level, who may assume it, its MFA and whether
 * a source said it was never used.
 */
export class CredentialsAndPermissions1767000000000 implements MigrationInterface {
  name = 'CredentialsAndPermissions1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identities
        ADD COLUMN credentials jsonb,
        ADD COLUMN permissions jsonb,
        ADD COLUMN privilege_reasons jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN trusted_principals text[],
        ADD COLUMN mfa_enabled boolean,
        ADD COLUMN never_used boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_identities_credentials_list CHECK (credentials IS NULL OR jsonb_typeof(credentials) = 'array'),
        ADD CONSTRAINT ck_identities_permissions_list CHECK (permissions IS NULL OR jsonb_typeof(permissions) = 'array')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identities
        DROP CONSTRAINT ck_identities_permissions_list, DROP CONSTRAINT ck_identities_credentials_list,
        DROP COLUMN never_used, DROP COLUMN mfa_enabled, DROP COLUMN trusted_principals,
        DROP COLUMN privilege_reasons, DROP COLUMN permissions, DROP COLUMN credentials`);
  }
}
