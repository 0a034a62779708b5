import { MigrationInterface, QueryRunner } from 'typeorm';

const REQUEST_COLUMNS = `
  id uuid PRIMARY KEY,
  identity_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('REQUESTED', 'COMPLETED', 'FAILED', 'TIMED_OUT')),
  attempt int NOT NULL,
  reason text NOT NULL,
  requested_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  completed_at timestamptz,
  error text,
  next_attempt_at timestamptz`;

export class CreateLifecycle1764201900000 implements MigrationInterface {
  name = 'CreateLifecycle1764201900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rotation_policies (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        is_default boolean NOT NULL DEFAULT false,
        max_age_days int NOT NULL CHECK (max_age_days > 0),
        warn_days int NOT NULL CHECK (warn_days >= 0),
        auto_rotate boolean NOT NULL,
        deadline_minutes int NOT NULL CHECK (deadline_minutes > 0),
        max_attempts int NOT NULL CHECK (max_attempts > 0),
        priority int NOT NULL DEFAULT 0
      )`);
    // At most one default policy, and there is always one.
    await queryRunner.query('CREATE UNIQUE INDEX uq_rotation_policies_default ON rotation_policies (is_default) WHERE is_default');
    await queryRunner.query(`
      INSERT INTO rotation_policies (id, name, is_default, max_age_days, warn_days, auto_rotate, deadline_minutes, max_attempts, priority)
      VALUES ('00000000-0000-4000-8000-000000000001', 'default', true, 90, 14, false, 60, 3, 0)`);
    await queryRunner.query(`
      CREATE TABLE identity_lifecycle (
        identity_id uuid PRIMARY KEY,
        kind text NOT NULL,
        provider text NOT NULL,
        external_id text NOT NULL,
        environment text NOT NULL,
        privilege_level text,
        state text NOT NULL,
        credential_created_at timestamptz,
        last_rotated_at timestamptz,
        next_rotation_due_at timestamptz,
        policy_id uuid REFERENCES rotation_policies (id)
      )`);
    await queryRunner.query('CREATE INDEX ix_identity_lifecycle_due ON identity_lifecycle (next_rotation_due_at)');
    await queryRunner.query(`CREATE TABLE rotation_requests (${REQUEST_COLUMNS})`);
    await queryRunner.query('CREATE INDEX ix_rotation_requests_identity ON rotation_requests (identity_id, requested_at DESC)');
    await queryRunner.query(`CREATE TABLE revocation_requests (${REQUEST_COLUMNS}, force boolean NOT NULL DEFAULT false)`);
    await queryRunner.query('CREATE INDEX ix_revocation_requests_identity ON revocation_requests (identity_id, requested_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE revocation_requests');
    await queryRunner.query('DROP TABLE rotation_requests');
    await queryRunner.query('DROP TABLE identity_lifecycle');
    await queryRunner.query('DROP TABLE rotation_policies');
  }
}
