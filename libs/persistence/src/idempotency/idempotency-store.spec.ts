import { inputHash } from './idempotency-store';

describe('inputHash', () => {
  it('is the same for the same input in another key order, and differs for another input', () => {
    expect(inputHash({ a: 1, b: ['x', { c: true }] })).toBe(inputHash({ b: ['x', { c: true }], a: 1 }));
    expect(inputHash({ a: 1 })).not.toBe(inputHash({ a: 2 }));
    expect(inputHash({ a: 1, b: undefined })).toBe(inputHash({ a: 1 }));
  });
});
