import { limitError } from './limit-error';

/**
 * Apollo Server runs every operation of a batched HTTP request (a JSON array) at once;
 * this refuses a batch larger than the limit before any of them is authenticated or run.
 */
export function checkBatchSize(body: unknown, limit: number) {
  if (!Array.isArray(body) || body.length <= limit) return undefined;
  return limitError(
    'BATCH_TOO_LARGE',
    `Batch too large: the request batches ${body.length} operations; the limit is ${limit} (MAX_BATCH_SIZE)`,
    { limit, actual: body.length, setting: 'MAX_BATCH_SIZE' },
  );
}
