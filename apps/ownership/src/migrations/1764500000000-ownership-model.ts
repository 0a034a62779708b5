import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@nhi/persistence';

/**
 * Owners form a hierarchy and can leave; identities carry what assignment rules
 * match on; every change of ownership is kept in an append-only history.
 */
export class OwnershipModel1764500000000 implements MigrationInterface {
  name = 'OwnershipModel1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE owners
        ADD COLUMN parent_id uuid REFERENCES owners (id),
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN deactivation_reason text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT ck_owners_not_own_parent CHECK (parent_id IS DISTINCT FROM id)`);
    await queryRunner.query('CREATE INDEX ix_owners_parent ON owners (parent_id)');
    await queryRunner.query(`
      ALTER TABLE identity_ownership
        ADD COLUMN name text,
        ADD COLUMN kind text,
        ADD COLUMN provider text,
        ADD COLUMN external_id text,
        ADD COLUMN system text,
        ADD COLUMN environment text,
        ADD COLUMN tags jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN identity_status text NOT NULL DEFAULT 'ACTIVE',
        ADD COLUMN orphaned_at timestamptz,
        ADD CONSTRAINT ck_identity_ownership_owned CHECK ((status = 'OWNED') = (owner_id IS NOT NULL)),
        ADD CONSTRAINT ck_identity_ownership_backup CHECK (backup_owner_id IS NULL OR backup_owner_id <> owner_id)`);
    await queryRunner.query('CREATE INDEX ix_identity_ownership_backup ON identity_ownership (backup_owner_id)');
    await queryRunner.query('CREATE INDEX ix_identity_ownership_status ON identity_ownership (status, identity_id)');
    await queryRunner.query(`
      CREATE TABLE ownership_history (
        id uuid PRIMARY KEY,
        identity_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('PRIMARY', 'BACKUP')),
        change text NOT NULL CHECK (change IN ('ASSIGNED', 'UNASSIGNED', 'ORPHANED')),
        owner_id uuid REFERENCES owners (id),
        previous_owner_id uuid REFERENCES owners (id),
        via text,
        actor text NOT NULL,
        reason text,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_ownership_history_identity ON ownership_history (identity_id, at, id)');
    // Append-only, whatever code runs against it: the history is the audit trail of accountability.
    await makeAppendOnly(queryRunner, 'ownership_history');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ownership_history');
    await dropAppendOnly(queryRunner, 'ownership_history');
    await queryRunner.query('DROP INDEX ix_identity_ownership_status');
    await queryRunner.query('DROP INDEX ix_identity_ownership_backup');
    await queryRunner.query(`
      ALTER TABLE identity_ownership
        DROP CONSTRAINT ck_identity_ownership_backup, DROP CONSTRAINT ck_identity_ownership_owned,
        DROP COLUMN orphaned_at, DROP COLUMN identity_status, DROP COLUMN tags, DROP COLUMN environment, DROP COLUMN system,
        DROP COLUMN external_id, DROP COLUMN provider, DROP COLUMN kind, DROP COLUMN name`);
    await queryRunner.query('DROP INDEX ix_owners_parent');
    await queryRunner.query(`
      ALTER TABLE owners DROP CONSTRAINT ck_owners_not_own_parent,
        DROP COLUMN updated_at, DROP COLUMN deactivation_reason, DROP COLUMN deactivated_at, DROP COLUMN parent_id`);
  }
}
