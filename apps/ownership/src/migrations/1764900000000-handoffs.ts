import { MigrationInterface, QueryRunner } from 'typeorm';

/** Handoffs: a list of identities to move to another owner, moved only once the receiver accepts. */
export class Handoffs1764900000000 implements MigrationInterface {
  name = 'Handoffs1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handoffs (
        id uuid PRIMARY KEY,
        from_owner_id uuid REFERENCES owners (id),
        to_owner_id uuid NOT NULL REFERENCES owners (id),
        system text,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'COMPLETED', 'DECLINED')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_note text
      )`);
    await queryRunner.query(`
      CREATE TABLE handoff_items (
        handoff_id uuid NOT NULL REFERENCES handoffs (id),
        identity_id uuid NOT NULL REFERENCES identity_ownership (identity_id),
        from_owner_id uuid REFERENCES owners (id),
        moved boolean,
        PRIMARY KEY (handoff_id, identity_id)
      )`);
    await queryRunner.query('CREATE INDEX ix_handoff_items_identity ON handoff_items (identity_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE handoff_items');
    await queryRunner.query('DROP TABLE handoffs');
  }
}
