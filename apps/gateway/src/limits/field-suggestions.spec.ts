import { buildSchema, parse, validate } from 'graphql';
import { withoutSuggestions } from './field-suggestions';

describe('field suggestions', () => {
  it('strips "Did you mean" from validation messages and leaves others alone', () => {
    const schema = buildSchema('type Query { governanceSummary: Int }');
    const [error] = validate(schema, parse('{ governanceSumary }'));
    expect(error?.message).toMatch(/Did you mean "governanceSummary"\?/);

    expect(withoutSuggestions({ message: error?.message ?? '' }).message).toBe('Cannot query field "governanceSumary" on type "Query".');
    const other = { message: 'Unauthenticated: missing Authorization header' };
    expect(withoutSuggestions(other)).toBe(other);
  });
});
