import { checkRootFields, rootFieldCount } from './root-fields';
import { operation } from './test-schema';

describe('root fields', () => {
  it('counts root fields through fragments; __typename is free', () => {
    const { operation: op, fragments } = operation(`
      { __typename summary { total } ...Q ... on Query { policies { name } } }
      fragment Q on Query { a: identity(id: "1") { id } b: identity(id: "2") { id } }
    `);

    expect(rootFieldCount(op, fragments)).toBe(4);
  });

  it('refuses more than the limit with TOO_MANY_ROOT_FIELDS', () => {
    const { operation: op, fragments } = operation('mutation { a: rotate(id: "1") { id } b: rotate(id: "2") { id } }');

    const error = checkRootFields(op, fragments, 1);
    expect(error?.message).toBe('Too many root fields: the mutation asks for 2; the limit is 1 (MAX_ROOT_FIELDS)');
    expect(error?.extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', limit: 1, actual: 2 });
  });
});
