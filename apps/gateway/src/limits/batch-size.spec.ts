import { checkBatchSize } from './batch-size';

describe('batch size', () => {
  it('lets single operations and small batches through', () => {
    expect(checkBatchSize({ query: '{ a }' }, 10)).toBeUndefined();
    expect(checkBatchSize(new Array(10).fill({ query: '{ a }' }), 10)).toBeUndefined();
  });

  it('refuses a larger batch with BATCH_TOO_LARGE', () => {
    const error = checkBatchSize(new Array(1000).fill({ query: '{ a }' }), 10);

    expect(error?.message).toBe('Batch too large: the request batches 1000 operations; the limit is 10 (MAX_BATCH_SIZE)');
    expect(error?.extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 10, actual: 1000, http: { status: 400 } });
  });
});
