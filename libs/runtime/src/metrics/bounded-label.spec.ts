import { BoundedLabel, errorCodes, OperationNames, OTHER } from './bounded-label';

describe('BoundedLabel', () => {
  it('keeps the first distinct values up to the bound, then counts new ones as other', () => {
    const label = new BoundedLabel(2, /^[a-z]+$/);
    expect(label.of('a')).toBe('a');
    expect(label.of('b')).toBe('b');
    expect(label.of('c')).toBe(OTHER);
    expect(label.of('a')).toBe('a');
  });

  it('counts malformed and overlong values as other without using up the bound', () => {
    const label = new BoundedLabel(1, /^[a-z]+$/, 5);
    expect(label.of('Not-Ok')).toBe(OTHER);
    expect(label.of('toolong')).toBe(OTHER);
    expect(label.of('fine')).toBe('fine');
  });
});

describe('OperationNames', () => {
  it('labels an operation without a name as anonymous', () => {
    const names = new OperationNames();
    expect(names.of(undefined)).toBe('anonymous');
    expect(names.of(null)).toBe('anonymous');
    expect(names.of('')).toBe('anonymous');
  });

  it("counts the gateway's subgraph fetches under the client's operation", () => {
    const names = new OperationNames();
    expect(names.of('IdentityPage__inventory__0')).toBe('IdentityPage');
    expect(names.of('Spanning__lifecycle__12')).toBe('Spanning');
    expect(names.of('With__Underscores__ownership__3')).toBe('With__Underscores');
  });

  it('refuses names GraphQL would not accept, such as one carrying a value', () => {
    const names = new OperationNames();
    expect(names.of('query { a }')).toBe(OTHER);
    expect(names.of('ghp_0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz')).toBe(OTHER);
  });

  it('keeps at most the bound of distinct names', () => {
    const names = new OperationNames(3);
    const labels = Array.from({ length: 10 }, (_, i) => names.of(`Op${i}`));
    expect(new Set(labels)).toEqual(new Set(['Op0', 'Op1', 'Op2', OTHER]));
  });
});

describe('errorCodes', () => {
  it('keeps codes in upper snake case and nothing else', () => {
    const codes = errorCodes();
    expect(codes.of('BAD_USER_INPUT')).toBe('BAD_USER_INPUT');
    expect(codes.of('some message')).toBe(OTHER);
  });
});
