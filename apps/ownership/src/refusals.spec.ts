import { GraphQLError } from 'graphql';
import { badInput, conflict } from '@nhi/graphql';
import { withLegacyCodes } from './refusals';

describe('withLegacyCodes', () => {
  it('answers a state conflict as BAD_USER_INPUT, with the same message and field', async () => {
    await expect(withLegacyCodes(() => Promise.reject(conflict('this handoff was already completed', 'id')))).rejects.toMatchObject({
      message: 'this handoff was already completed',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
  });

  it('lets every other outcome through as it is', async () => {
    const invalid = badInput('reason is required', 'reason');
    const forbidden = new GraphQLError('Forbidden: not the receiver', { extensions: { code: 'FORBIDDEN' } });
    await expect(withLegacyCodes(() => Promise.resolve(1))).resolves.toBe(1);
    await expect(withLegacyCodes(() => Promise.reject(invalid))).rejects.toBe(invalid);
    await expect(withLegacyCodes(() => Promise.reject(forbidden))).rejects.toBe(forbidden);
  });
});
