import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attestation campaigns: the identities in scope at the start, each waiting for its owner's decision. */
export class Attestation1764800000000 implements MigrationInterface {
  name = 'Attestation1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attestation_campaigns (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        business_unit text,
        kind text,
        owner_id uuid REFERENCES owners (id),
        deadline timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ix_attestation_campaigns_open ON attestation_campaigns (deadline) WHERE status = 'OPEN'`);
    await queryRunner.query(`
      CREATE TABLE attestation_items (
        campaign_id uuid NOT NULL REFERENCES attestation_campaigns (id),
        identity_id uuid NOT NULL REFERENCES identity_ownership (identity_id),
        owner_id uuid NOT NULL REFERENCES owners (id),
        business_unit text,
        decision text CHECK (decision IN ('KEEP', 'NOT_MINE', 'DECOMMISSION')),
        note text,
        decided_by text,
        decided_at timestamptz,
        escalated_at timestamptz,
        PRIMARY KEY (campaign_id, identity_id)
      )`);
    await queryRunner.query('CREATE INDEX ix_attestation_items_identity ON attestation_items (identity_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE attestation_items');
    await queryRunner.query('DROP TABLE attestation_campaigns');
  }
}
