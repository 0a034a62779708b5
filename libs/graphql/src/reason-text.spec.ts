import { GraphQLError } from 'graphql';
import { MAX_REASON_LENGTH, reasonText } from './reason-text';

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reasonText', () => {
  it('keeps a reason trimmed', () => {
    expect(reasonText('  the key leaked in a build log \n', 'reason', 'say why')).toBe('the key leaked in a build log');
  });

  it('refuses a blank reason on its field, saying what to write', () => {
    const error = refusal(() => reasonText(' \t', 'reason', 'say why the credential must be rotated'));
    expect(error.message).toBe('reason is required: say why the credential must be rotated');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(() => reasonText(null, 'note', 'say why')).extensions).toMatchObject({ field: 'note' });
  });

  it('keeps up to the limit and refuses beyond it, with the length rather than the text', () => {
    expect(reasonText('a'.repeat(MAX_REASON_LENGTH), 'reason', 'say why')).toHaveLength(MAX_REASON_LENGTH);
    const error = refusal(() => reasonText('b'.repeat(MAX_REASON_LENGTH + 1), 'reason', 'say why'));
    expect(error.message).toBe(`reason is ${MAX_REASON_LENGTH + 1} characters; at most ${MAX_REASON_LENGTH} are kept`);
  });
});
