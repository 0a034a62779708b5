import { GraphQLError } from 'graphql';
import { DEFAULT_MAX_DAYS } from '../exceptions-config';
import { validateTerms } from './exception-validation';

const now = new Date('2026-01-01T00:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

function errorOf(run: () => unknown): { message: string; field: unknown } {
  try {
    run();
  } catch (error) {
    const graphQLError = error as GraphQLError;
    return { message: graphQLError.message, field: graphQLError.extensions.field };
  }
  throw new Error('expected an error');
}

describe('validateTerms', () => {
  const valid = { control: 'ROTATION' as const, justification: ' vendor limitation ', expiresAt: inDays(30) };

  it('cleans what it accepts', () => {
    expect(validateTerms({ ...valid, compensatingControls: [' monitoring '] }, DEFAULT_MAX_DAYS, now)).toEqual({
      justification: 'vendor limitation',
      compensatingControls: ['monitoring'],
    });
  });

  it('allows exactly the maximum for the control, and not a second more', () => {
    expect(() => validateTerms({ ...valid, expiresAt: inDays(90) }, DEFAULT_MAX_DAYS, now)).not.toThrow();
    expect(errorOf(() => validateTerms({ ...valid, expiresAt: new Date(inDays(90).getTime() + 1000) }, DEFAULT_MAX_DAYS, now))).toEqual({
      message:
        'expiresAt is too far: an exception of this control lasts at most 90 days (until 2026-04-01T00:00:00.000Z); request a renewal later instead',
      field: 'expiresAt',
    });
  });

  it('names the field of each problem', () => {
    expect(errorOf(() => validateTerms({ ...valid, justification: '' }, DEFAULT_MAX_DAYS, now)).field).toBe('justification');
    expect(errorOf(() => validateTerms({ ...valid, justification: 'x'.repeat(4001) }, DEFAULT_MAX_DAYS, now)).field).toBe('justification');
    expect(errorOf(() => validateTerms({ ...valid, expiresAt: now }, DEFAULT_MAX_DAYS, now)).field).toBe('expiresAt');
    expect(errorOf(() => validateTerms({ ...valid, expiresAt: new Date('nope') }, DEFAULT_MAX_DAYS, now))).toEqual({
      message: 'expiresAt must be a valid time in the future; it is now 2026-01-01T00:00:00.000Z',
      field: 'expiresAt',
    });
    // The rejected value is never quoted: the field says where the problem is.
    expect(errorOf(() => validateTerms({ ...valid, expiresAt: inDays(-3) }, DEFAULT_MAX_DAYS, now)).message).not.toContain('2025-12-29');
    expect(errorOf(() => validateTerms({ ...valid, compensatingControls: ['ok', ''] }, DEFAULT_MAX_DAYS, now)).field).toBe(
      'compensatingControls[1]',
    );
  });
});
