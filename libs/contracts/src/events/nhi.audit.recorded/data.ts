// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
/** An audit record: a mutation or bulk ingest, whatever its outcome, with actor, targets and redacted inputs */
export interface AuditRecordedData {
  /** The actor's subject; `anonymous` when the request could not be authenticated */
  actor: string;
  roles: string[];
  /** The service that ran the operation */
  service: string;
  /** The GraphQL mutation field, or `bulkIngest` */
  operation: string;
  /** Ids the operation named or produced; the source for a bulk ingest */
  targetIds: string[];
  outcome: 'SUCCEEDED' | 'FORBIDDEN' | 'REJECTED' | 'FAILED';
  errorCode: string | null;
  /** The error message, redacted, when the operation did not succeed */
  error: string | null;
  /** The arguments with secret-looking keys and values redacted, long lists and texts shortened */
  input: Record<string, unknown>;
  /** Figures about the outcome, e.g. rows received, created and rejected by a bulk ingest */
  details: Record<string, number | boolean | string> | null;
  at: string;
  durationMs: number;
}
