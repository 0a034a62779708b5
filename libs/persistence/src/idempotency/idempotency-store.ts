import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, conflict } from '@nhi/graphql';

/** How long a key is remembered: long enough for any client's retries, short enough that the table stays small. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim whose work never recorded a result (the process died mid-call) is taken over after this long. */
export const IDEMPOTENCY_CLAIM_STALE_MS = 2 * 60 * 1000;
const MAX_KEY_LENGTH = 200;

export interface IdempotentCall {
  /** The mutation's name: keys are scoped per mutation... */
  operation: string;
  /** ...and per actor, so one client's key never replays another's result. */
  actor: string;
  /** The client's key; without one the work simply runs. */
  key: string | null | undefined;
  /** The input the key came with (without the key and clientMutationId), hashed to tell a retry from a reuse. */
  input: unknown;
}

/** What the first call produced, as the caller chooses to remember it (ids, never secret material). */
export type ResultReference = Record<string, unknown>;

/**
 * Makes "create" mutations safe to retry. The key is claimed before the work
 * runs and its result recorded after, each in a statement of its own, so the
 * services' own transactions stay as they are. A failed call gives its claim
 * back; a claim left by a crash goes stale and the next retry runs the work.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async once<T>(
    call: IdempotentCall,
    work: () => Promise<T>,
    remember: (result: T) => ResultReference,
    recall: (ref: ResultReference) => Promise<T>,
  ): Promise<T> {
    if (call.key === null || call.key === undefined) return work();
    if (call.key.length === 0 || call.key.length > MAX_KEY_LENGTH) {
      throw badInput(`idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`, 'idempotencyKey');
    }
    const hash = inputHash(call.input);
    const previous = await this.claim(call, hash);
    if (previous) return recall(previous);
    try {
      const result = await work();
      await this.dataSource.query(`UPDATE idempotency_keys SET result = $4 WHERE operation = $1 AND actor = $2 AND key = $3`, [
        call.operation,
        call.actor,
        call.key,
        JSON.stringify(remember(result)),
      ]);
      return result;
    } catch (error) {
      await this.release(call);
      throw error;
    }
  }

  /** Claims the key, or returns the reference a finished earlier call recorded; refuses a reuse or a call still running. */
  private async claim(call: IdempotentCall, hash: string): Promise<ResultReference | null> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)`, [
      IDEMPOTENCY_KEY_TTL_MS / 1000,
    ]);
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (operation, actor, key, input_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (operation, actor, key) DO UPDATE SET input_hash = EXCLUDED.input_hash, created_at = now()
         WHERE idempotency_keys.result IS NULL AND idempotency_keys.input_hash = EXCLUDED.input_hash
           AND idempotency_keys.created_at < now() - make_interval(secs => $5)
       RETURNING key`,
      [call.operation, call.actor, call.key, hash, IDEMPOTENCY_CLAIM_STALE_MS / 1000],
    );
    if (claimed.length > 0) return null;
    const [row] = (await this.dataSource.query(
      `SELECT input_hash, result FROM idempotency_keys WHERE operation = $1 AND actor = $2 AND key = $3`,
      [call.operation, call.actor, call.key],
    )) as Array<{ input_hash: string; result: ResultReference | null }>;
    if (!row) return this.claim(call, hash);
    if (row.input_hash !== hash) {
      throw conflict('idempotencyKey was already used with a different input; use a new key for a new request', 'idempotencyKey');
    }
    if (!row.result) throw conflict('a call with this idempotencyKey is still running; retry in a few seconds', 'idempotencyKey');
    return row.result;
  }

  private async release(call: IdempotentCall): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE operation = $1 AND actor = $2 AND key = $3 AND result IS NULL`, [
      call.operation,
      call.actor,
      call.key,
    ]);
  }
}

/** A stable hash of the input: object keys sorted, so the same input in another field order is the same call. */
export function inputHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The store as a Nest provider on the service's own data source. */
export const IDEMPOTENCY_STORE_PROVIDER = {
  provide: IdempotencyStore,
  useFactory: (dataSource: DataSource) => new IdempotencyStore(dataSource),
  inject: [DataSource],
};
