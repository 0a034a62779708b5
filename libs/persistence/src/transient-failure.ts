/**
 * Failures of the database or the path to it rather than of the work: the
 * server unreachable, restarting, or a connection cut (pg_terminate_backend),
 * a lock or serialisation conflict. Retrying fixes them once the database is
 * back: a consumer waits instead of dead-lettering a valid event, and a
 * starting service waits instead of exiting.
 */
const TRANSIENT_CODES = new Set([
  // Node's socket errors.
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions (class 08), shutting down or terminated (57P01-57P03),
  // too many connections, serialisation failure and deadlock.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  '40P01',
]);

/** node-postgres and TypeORM say some of these only in words. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /timeout expired/i,
  /connection is not established/i,
  /client has encountered a connection error/i,
  /terminating connection due to/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /cannot use a pool after calling end/i,
];

const MAX_DEPTH = 5;

export function isTransientDatabaseFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current instanceof Object; depth += 1) {
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}
