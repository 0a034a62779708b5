import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@nhi/persistence';

export class ExceptionWorkflow1765500000000 implements MigrationInterface {
  name = 'ExceptionWorkflow1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What a request for a selection of identities selects on, kept current from inventory and ownership events.
    await queryRunner.query('ALTER TABLE known_identities ADD COLUMN system text, ADD COLUMN owner_id uuid');
    await queryRunner.query('CREATE INDEX ix_known_identities_system ON known_identities (system)');
    await queryRunner.query('CREATE INDEX ix_known_identities_owner ON known_identities (owner_id)');
    await queryRunner.query(`
      ALTER TABLE policy_exceptions
        ADD COLUMN group_id uuid,
        ADD COLUMN renews_id uuid REFERENCES policy_exceptions (id),
        ADD COLUMN decision_note text,
        ADD COLUMN next_reminder_at timestamptz,
        ADD CONSTRAINT ck_policy_exceptions_risk CHECK (risk_rating IS NULL OR risk_rating IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        ADD CONSTRAINT ck_policy_exceptions_expiry CHECK (expires_at > requested_at),
        ADD CONSTRAINT ck_policy_exceptions_decided CHECK ((decided_by IS NULL) = (decided_at IS NULL))`);
    // One request waiting per identity and control, whatever the service does (the service also refuses a second open one).
    await queryRunner.query(
      "CREATE UNIQUE INDEX ux_policy_exceptions_pending ON policy_exceptions (identity_id, control) WHERE status = 'REQUESTED'",
    );
    await queryRunner.query(
      "CREATE INDEX ix_policy_exceptions_open_expiry ON policy_exceptions (expires_at) WHERE status IN ('REQUESTED', 'APPROVED')",
    );
    await queryRunner.query("CREATE INDEX ix_policy_exceptions_pending ON policy_exceptions (requested_at, id) WHERE status = 'REQUESTED'");
    await queryRunner.query("CREATE INDEX ix_policy_exceptions_reminder ON policy_exceptions (next_reminder_at) WHERE status = 'APPROVED'");
    await queryRunner.query('CREATE INDEX ix_policy_exceptions_group ON policy_exceptions (group_id) WHERE group_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE exception_history (
        id uuid PRIMARY KEY,
        exception_id uuid NOT NULL REFERENCES policy_exceptions (id),
        action text NOT NULL,
        status text NOT NULL,
        actor text NOT NULL,
        note text,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ix_exception_history_exception ON exception_history (exception_id, at)');
    // Append-only, whatever code runs against it: the decision history is the audit trail of risk acceptance.
    await makeAppendOnly(queryRunner, 'exception_history');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE exception_history');
    await dropAppendOnly(queryRunner, 'exception_history');
    await queryRunner.query('DROP INDEX ix_policy_exceptions_group');
    await queryRunner.query('DROP INDEX ix_policy_exceptions_reminder');
    await queryRunner.query('DROP INDEX ix_policy_exceptions_pending');
    await queryRunner.query('DROP INDEX ix_policy_exceptions_open_expiry');
    await queryRunner.query('DROP INDEX ux_policy_exceptions_pending');
    await queryRunner.query(`
      ALTER TABLE policy_exceptions
        DROP CONSTRAINT ck_policy_exceptions_decided, DROP CONSTRAINT ck_policy_exceptions_expiry, DROP CONSTRAINT ck_policy_exceptions_risk,
        DROP COLUMN next_reminder_at, DROP COLUMN decision_note, DROP COLUMN renews_id, DROP COLUMN group_id`);
    await queryRunner.query('DROP INDEX ix_known_identities_owner');
    await queryRunner.query('DROP INDEX ix_known_identities_system');
    await queryRunner.query('ALTER TABLE known_identities DROP COLUMN owner_id, DROP COLUMN system');
  }
}
