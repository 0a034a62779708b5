import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_GOVERNANCE_SQL } from '../counts/refresh-governance.sql';

/**
 * Running totals, so that a summary reads O(business units × kinds × days)
 * rows instead of scanning every identity (docs/adr/0021). identity_governance
 * holds, per identity, what it counts towards; governance_counts holds the
 * sums, per business unit and kind, of what live identities count towards
 * (time-relative figures bucketed by UTC day), and rolled up per business
 * unit, per kind and overall. Both are derived from the
 * facts tables and filled from them here, for an existing installation.
 */
export class GovernanceCounts1767000000000 implements MigrationInterface {
  name = 'GovernanceCounts1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_governance (
        identity_id uuid PRIMARY KEY,
        -- identity_facts has a row for it, and it is not decommissioned
        known boolean NOT NULL,
        live boolean NOT NULL,
        business_unit text,
        kind text,
        environment text,
        provider text,
        has_system boolean NOT NULL,
        has_privilege boolean NOT NULL,
        ownership_status text,
        -- when an OWNED identity was last attested
        attested_at timestamptz,
        due_since timestamptz,
        managed boolean NOT NULL,
        -- what a credential's age is measured from
        age_base timestamptz,
        revocation_lead_seconds double precision,
        -- open findings per category
        findings jsonb NOT NULL,
        -- expiry of each REQUESTED or APPROVED exception, of each APPROVED one, and how many EXPIRED
        open_expiries timestamptz[] NOT NULL,
        approved_expiries timestamptz[] NOT NULL,
        expired integer NOT NULL,
        -- the newest event time of its facts
        updated_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX ix_identity_governance_attested ON identity_governance (attested_at) WHERE live');
    await queryRunner.query('CREATE INDEX ix_identity_governance_due ON identity_governance (due_since) WHERE live');
    await queryRunner.query('CREATE INDEX ix_identity_governance_age ON identity_governance (age_base) WHERE live');
    await queryRunner.query('CREATE INDEX ix_identity_governance_revocation ON identity_governance (revocation_lead_seconds) WHERE known');
    await queryRunner.query('CREATE INDEX ix_identity_governance_bu_updated ON identity_governance (business_unit, updated_at)');
    await queryRunner.query('CREATE INDEX ix_identity_governance_updated ON identity_governance (updated_at)');
    await queryRunner.query('CREATE INDEX ix_exception_facts_expires ON exception_facts (expires_at)');
    await queryRunner.query('CREATE INDEX ix_finding_facts_identity ON finding_facts (identity_id)');
    await queryRunner.query(`CREATE INDEX ix_exception_facts_pending ON exception_facts (requested_at) WHERE status = 'REQUESTED'`);
    await queryRunner.query(`
      CREATE TABLE governance_counts (
        -- which of business_unit and kind the row is for; the other is summed over (NULL):
        -- unit-kind (live identities only: a unit's breakdown by kind), unit, kind, or all.
        -- A scope reads only its own level's rows.
        rollup text NOT NULL,
        business_unit text,
        kind text,
        -- identities, owned, attested (by day), age (by day), open_findings (by category), ...
        measure text NOT NULL,
        -- a UTC day (YYYY-MM-DD), a category, an environment...; '' when the measure has none
        bucket text NOT NULL,
        n bigint NOT NULL,
        CONSTRAINT uq_governance_counts UNIQUE NULLS NOT DISTINCT (rollup, business_unit, kind, measure, bucket)
      )`);
    await queryRunner.query('CREATE INDEX ix_governance_counts_measure ON governance_counts (rollup, measure, bucket)');
    // Every identity the facts know of; later migrations that change the shape recount the same way.
    await queryRunner.query(REFRESH_GOVERNANCE_SQL, [null]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE governance_counts');
    await queryRunner.query('DROP INDEX ix_exception_facts_pending');
    await queryRunner.query('DROP INDEX ix_finding_facts_identity');
    await queryRunner.query('DROP INDEX ix_exception_facts_expires');
    await queryRunner.query('DROP TABLE identity_governance');
  }
}
