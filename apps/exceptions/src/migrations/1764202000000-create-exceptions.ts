import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExceptions1764202000000 implements MigrationInterface {
  name = 'CreateExceptions1764202000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_identities (
        identity_id uuid PRIMARY KEY,
        business_unit text,
        registered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE policy_exceptions (
        id uuid PRIMARY KEY,
        identity_id uuid NOT NULL REFERENCES known_identities (identity_id),
        control text NOT NULL,
        justification text NOT NULL CHECK (length(trim(justification)) > 0),
        compensating_controls text[] NOT NULL DEFAULT '{}',
        risk_rating text,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'EXPIRED', 'REVOKED')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        expires_at timestamptz NOT NULL,
        -- Separation of duties, enforced by the database as well as the service.
        CHECK (decided_by IS NULL OR decided_by <> requested_by)
      )`);
    await queryRunner.query('CREATE INDEX ix_policy_exceptions_identity ON policy_exceptions (identity_id, status)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE policy_exceptions');
    await queryRunner.query('DROP TABLE known_identities');
  }
}
