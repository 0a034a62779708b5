import { extractTargetIds, isTargetKey, MAX_TARGET_IDS } from './target-ids';

describe('extractTargetIds', () => {
  it('takes ids from the arguments under id keys, at any level, then the ids of the result, each once', () => {
    const targets = extractTargetIds(
      {
        identityId: 'i-1',
        ownerId: 'o-1',
        reason: 'on call',
        input: { exceptionId: 'e-1', identityIds: ['i-2', 'i-3', 'i-1'], selector: { campaignId: 'c-1' }, justification: 'n/a' },
      },
      { id: 'i-1', name: 'payments', groupId: 'g-1' },
    );
    expect(targets).toEqual(['i-1', 'o-1', 'e-1', 'i-2', 'i-3', 'c-1', 'g-1']);
  });

  it('finds the ids of a list of results and of input rows, but not the providers external ids', () => {
    expect(
      extractTargetIds(
        { id: 'h-1' },
        {
          exceptions: [
            { id: 'e-1', identityId: 'i-1' },
            { id: 'e-2', identityId: 'i-2' },
          ],
        },
      ),
    ).toEqual(['h-1', 'e-1', 'i-1', 'e-2', 'i-2']);
    expect(extractTargetIds({ input: { source: 'aws', identities: [{ externalId: 'arn:1', name: 'x' }] } })).toEqual([]);
  });

  it('ignores a result that is an error and values that are not ids', () => {
    expect(extractTargetIds({ id: 'x-1' }, new Error('boom'))).toEqual(['x-1']);
    expect(extractTargetIds({ id: null, ids: [], ownerId: { nested: 'object' } }, true)).toEqual([]);
    expect(extractTargetIds(undefined, undefined)).toEqual([]);
  });

  it('stops at a bound, whatever the size of a bulk request', () => {
    const identityIds = Array.from({ length: 10_000 }, (_, index) => `i-${index}`);
    const targets = extractTargetIds({ input: { identityIds } });
    expect(targets).toHaveLength(MAX_TARGET_IDS);
    expect(targets[0]).toBe('i-0');
  });

  it("never takes a payload-form mutation's clientMutationId or idempotencyKey for a target, in its input or its payload", () => {
    const targets = extractTargetIds(
      { input: { exceptionId: 'e-1', ownerId: 'o-1', clientMutationId: 'row-7', idempotencyKey: 'k-0001', reason: 'done' } },
      { exception: { id: 'e-1', identityId: 'i-1' }, userErrors: [], clientMutationId: 'row-7' },
    );
    expect(targets).toEqual(['e-1', 'o-1', 'i-1']);
    expect(extractTargetIds({ input: { clientMutationId: 'row-8' } }, { exception: null, clientMutationId: 'row-8' })).toEqual([]);
  });

  it('treats id, ids and every ...Id / ...Ids key as ids', () => {
    for (const key of ['id', 'ids', 'identityId', 'identityIds', 'exceptionId', 'ownerId', 'requestId', 'renewsId']) {
      expect(isTargetKey(key)).toBe(true);
    }
    for (const key of ['externalId', 'externalIds', 'clientMutationId', 'idempotencyKey', 'valid', 'Id', 'paid', 'identity']) {
      expect(isTargetKey(key)).toBe(false);
    }
  });
});
