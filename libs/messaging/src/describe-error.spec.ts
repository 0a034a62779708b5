import { describeError } from './describe-error';

describe('describeError', () => {
  it('uses the name and message of an error', () => {
    expect(describeError(new RangeError('too far'))).toEqual({ message: 'too far', type: 'RangeError' });
  });

  it('describes thrown values that are not errors', () => {
    expect(describeError('nope')).toEqual({ message: 'nope', type: 'string' });
  });
});
