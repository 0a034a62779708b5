import { GraphQLError } from 'graphql';
import { badInput, notFound } from '../pagination';
import { conflict, mutationPayload } from './mutation-payload';

describe('mutationPayload', () => {
  it('spreads the result and echoes the clientMutationId', async () => {
    await expect(mutationPayload({ clientMutationId: 'x' }, async () => ({ thing: 1 }))).resolves.toEqual({
      thing: 1,
      userErrors: [],
      clientMutationId: 'x',
    });
  });

  it.each([
    [badInput('reason is required', 'input.reason'), { code: 'INVALID', field: ['input', 'reason'] }],
    [notFound('no such identity'), { code: 'NOT_FOUND', field: null }],
    [new GraphQLError('Forbidden: not an owner', { extensions: { code: 'FORBIDDEN' } }), { code: 'FORBIDDEN', field: null }],
    [conflict('already decided', 'id'), { code: 'CONFLICT', field: ['id'] }],
  ])('returns a refusal the user can fix as data (%#)', async (error, expected) => {
    const payload = await mutationPayload({}, () => Promise.reject(error));
    expect(payload).toEqual({ userErrors: [{ ...expected, message: error.message }], clientMutationId: null });
  });

  it('lets authentication and server failures through as top-level errors', async () => {
    const unauthenticated = new GraphQLError('no token', { extensions: { code: 'UNAUTHENTICATED' } });
    await expect(mutationPayload({}, () => Promise.reject(unauthenticated))).rejects.toBe(unauthenticated);
    await expect(mutationPayload({}, () => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
  });
});
