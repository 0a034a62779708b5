let statements = 0;

/** Counts one SQL statement sent by this process (NestTypeOrmLogger sees every one TypeORM sends). */
export function countStatement(): void {
  statements += 1;
}

/** SQL statements this process has sent since it started: what a request costs the database, for /metrics and benchmarks. */
export function statementsSent(): number {
  return statements;
}
