import { MigrationInterface, QueryRunner } from 'typeorm';

/** Assignment rules, and the suggestions they (and people declining identities) leave for a person to decide. */
export class OwnershipRules1764600000000 implements MigrationInterface {
  name = 'OwnershipRules1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ownership_rules (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        owner_id uuid NOT NULL REFERENCES owners (id),
        mode text NOT NULL CHECK (mode IN ('AUTO_ASSIGN', 'SUGGEST')),
        criteria jsonb NOT NULL,
        confidence double precision NOT NULL CHECK (confidence > 0 AND confidence <= 1),
        enabled boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ownership_suggestions (
        id uuid PRIMARY KEY,
        identity_id uuid NOT NULL REFERENCES identity_ownership (identity_id),
        owner_id uuid NOT NULL REFERENCES owners (id),
        rule_id uuid REFERENCES ownership_rules (id),
        confidence double precision NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        created_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz
      )`);
    // One open suggestion per identity and owner: a rule matching again does not pile up duplicates.
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_ownership_suggestions_pending ON ownership_suggestions (identity_id, owner_id) WHERE status = 'PENDING'`,
    );
    await queryRunner.query('CREATE INDEX ix_ownership_suggestions_identity ON ownership_suggestions (identity_id, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ownership_suggestions');
    await queryRunner.query('DROP TABLE ownership_rules');
  }
}
