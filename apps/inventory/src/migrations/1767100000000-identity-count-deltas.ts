import { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = 'kind, provider, environment, business_unit, status';

/** A statement trigger's function: the rows a statement added (+1) and took away (-1), summed per key, zero sums dropped. */
function movedFunction(name: string, sources: Array<{ table: 'new_rows' | 'old_rows'; sign: 1 | -1 }>): string {
  const moved = sources.map(({ table, sign }) => `SELECT ${KEY}, ${sign} AS n FROM ${table}`).join(' UNION ALL ');
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO identity_count_deltas (${KEY}, n)
      SELECT ${KEY}, sum(n) FROM (${moved}) moved GROUP BY ${KEY} HAVING sum(n) <> 0;
      RETURN NULL;
    END $$`;
}

/**
 * Exact identity counts without a COUNT(*) of a million rows (docs/adr/0022):
 * every statement that changes identities appends what it moved per (kind,
 * provider, environment, business unit, status), and a total is a sum of a few
 * hundred rows. Appending, never updating one counter row, keeps concurrent
 * ingests from queueing (or deadlocking) on it; IdentityCounts folds the rows
 * from time to time. The table starts with today's counts.
 */
export class IdentityCountDeltas1767100000000 implements MigrationInterface {
  name = 'IdentityCountDeltas1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_count_deltas (
        kind text NOT NULL,
        provider text NOT NULL,
        environment text NOT NULL,
        business_unit text,
        status text NOT NULL,
        n bigint NOT NULL
      )`);
    await queryRunner.query(movedFunction('identity_counts_inserted', [{ table: 'new_rows', sign: 1 }]));
    await queryRunner.query(
      movedFunction('identity_counts_updated', [
        { table: 'new_rows', sign: 1 },
        { table: 'old_rows', sign: -1 },
      ]),
    );
    await queryRunner.query(movedFunction('identity_counts_deleted', [{ table: 'old_rows', sign: -1 }]));
    await queryRunner.query(`
      CREATE TRIGGER identity_counts_inserted AFTER INSERT ON identities
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_counts_inserted()`);
    await queryRunner.query(`
      CREATE TRIGGER identity_counts_updated AFTER UPDATE ON identities
        REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_counts_updated()`);
    await queryRunner.query(`
      CREATE TRIGGER identity_counts_deleted AFTER DELETE ON identities
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_counts_deleted()`);
    await queryRunner.query(`
      CREATE FUNCTION identity_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM identity_count_deltas;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER identity_counts_truncated AFTER TRUNCATE ON identities FOR EACH STATEMENT EXECUTE FUNCTION identity_counts_truncated()`);
    // In this migration's transaction, after the triggers exist: a write that commits before it is counted here, one after by a trigger.
    await queryRunner.query('LOCK TABLE identities IN SHARE MODE');
    await queryRunner.query(`INSERT INTO identity_count_deltas (${KEY}, n) SELECT ${KEY}, count(*) FROM identities GROUP BY ${KEY}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['inserted', 'updated', 'deleted', 'truncated']) {
      await queryRunner.query(`DROP TRIGGER identity_counts_${op} ON identities`);
      await queryRunner.query(`DROP FUNCTION identity_counts_${op}()`);
    }
    await queryRunner.query('DROP TABLE identity_count_deltas');
  }
}
