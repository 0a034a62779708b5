import type { QueryRunner } from 'typeorm';

/**
 * Makes a table append-only whatever code runs against it: a trigger refuses
 * UPDATE, DELETE and TRUNCATE. For audit trails (who decided what, when).
 */
export async function makeAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`
    CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${table} is append-only: % is not allowed', TG_OP;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`);
}

/** Undoes makeAppendOnly (the table's own DROP removes the triggers). */
export async function dropAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP FUNCTION ${table}_append_only`);
}
