/**
 * The oldest transaction still running, as the first statement of a read sees it: every transaction before it has
 * committed or rolled back. Readers that follow rows by the transaction that wrote them (`tx xid8`: identity_search,
 * state_history) keep the horizon of their last read and read again from it, so a writer that commits late is never
 * skipped the way a sequence number would skip it.
 */
export const TRANSACTION_HORIZON_SQL = 'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon';
