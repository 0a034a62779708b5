import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@nhi/persistence';

/**
 * The audit log: one row per nhi.audit.recorded event from any service, kept
 * as it arrived. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE):
 * nothing the services or an operator's script run can rewrite what happened.
 */
export class AuditRecords1766100000000 implements MigrationInterface {
  name = 'AuditRecords1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_records (
        -- the event id: a redelivered event is the same record
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        roles text[] NOT NULL,
        service text NOT NULL,
        operation text NOT NULL,
        target_ids text[] NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FORBIDDEN', 'REJECTED', 'FAILED')),
        error_code text,
        error text,
        -- redacted by the service before it left it
        input jsonb NOT NULL,
        details jsonb,
        duration_ms integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Newest first, and newest first within one actor or operation: the questions an auditor asks.
    await queryRunner.query('CREATE INDEX ix_audit_records_at ON audit_records (at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX ix_audit_records_actor ON audit_records (actor, at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX ix_audit_records_operation ON audit_records (operation, at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX ix_audit_records_targets ON audit_records USING gin (target_ids)');
    await makeAppendOnly(queryRunner, 'audit_records');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_records');
    await dropAppendOnly(queryRunner, 'audit_records');
  }
}
