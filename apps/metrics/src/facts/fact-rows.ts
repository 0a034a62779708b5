import type { EntityManager } from 'typeorm';

/** A read-model row as JSON: timestamps are ISO strings, as events carry them and row_to_json gives them; jsonb columns are objects (`Json`). */
export type FactRow<Json = never> = Record<string, string | boolean | null | Json>;

/**
 * The rows of one read-model table that a run of events touches, loaded in
 * one statement, changed in memory event by event (in partition order, so
 * the result is what applying them one at a time gives) and written back in
 * one statement. Rows are locked while the run's transaction lasts.
 */
export class FactRows<Row extends FactRow<object>> {
  private readonly changed = new Set<string>();

  private constructor(
    private readonly table: string,
    private readonly key: keyof Row & string,
    private readonly columns: ReadonlyArray<keyof Row & string>,
    private readonly rows: Map<string, Row>,
  ) {}

  /** Loads the rows of the given keys; `columns` are every column a new row gets. */
  static async load<Row extends FactRow<object>>(
    manager: EntityManager,
    table: string,
    key: keyof Row & string,
    columns: ReadonlyArray<keyof Row & string>,
    keys: Iterable<string>,
  ): Promise<FactRows<Row>> {
    const wanted = [...new Set(keys)];
    const found: Array<{ row: Row }> =
      wanted.length === 0
        ? []
        : await manager.query(`SELECT row_to_json(t) AS row FROM ${table} t WHERE t.${key} = ANY($1::uuid[]) FOR UPDATE`, [wanted]);
    return new FactRows(table, key, columns, new Map(found.map(({ row }) => [String(row[key]), row])));
  }

  get(key: string): Readonly<Row> | undefined {
    return this.rows.get(key);
  }

  set(key: string, row: Row): void {
    this.rows.set(key, row);
    this.changed.add(key);
  }

  /** Writes every row set since the load, in one statement. */
  async save(manager: EntityManager): Promise<void> {
    if (this.changed.size === 0) return;
    const rows = [...this.changed].map((key) => this.rows.get(key));
    const columns = this.columns.join(', ');
    const updates = this.columns
      .filter((column) => column !== this.key)
      .map((column) => `${column} = EXCLUDED.${column}`)
      .join(', ');
    await manager.query(
      `INSERT INTO ${this.table} (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::${this.table}, $1::json)
       ON CONFLICT (${this.key}) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
    this.changed.clear();
  }
}

/** Milliseconds of an event's or a row's timestamp, for ordering them. */
export function instant(time: string): number {
  return Date.parse(time);
}

/** The later of two timestamps, either of which may be missing (PostgreSQL's greatest ignores nulls). */
export function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return instant(b) > instant(a) ? b : a;
}
