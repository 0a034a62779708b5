import { ExceptionControl } from './exception-enums';

describe('ExceptionControl', () => {
  it('offers the four platform controls and every OWASP NHI Top 10 category', () => {
    expect(Object.keys(ExceptionControl)).toEqual([
      'ROTATION',
      'OWNERSHIP',
      'REVOCATION',
      'PRIVILEGE',
      ...Array.from({ length: 10 }, (_, i) => `NHI${i + 1}`),
    ]);
  });
});
