import { BadRequestException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { UserErrorCode } from '@nhi/graphql';
import { classifyError, classifyUserErrors, outcomeOfCode } from './audit-outcome';

const gqlError = (code: string, message = 'nope') => new GraphQLError(message, { extensions: { code } });

describe('classifyError', () => {
  it.each([
    [gqlError('FORBIDDEN'), 'FORBIDDEN', 'FORBIDDEN'],
    [gqlError('UNAUTHENTICATED'), 'FORBIDDEN', 'UNAUTHENTICATED'],
    [gqlError('BAD_USER_INPUT'), 'REJECTED', 'BAD_USER_INPUT'],
    [gqlError('NOT_FOUND'), 'REJECTED', 'NOT_FOUND'],
    [gqlError('CONFLICT'), 'REJECTED', 'CONFLICT'],
    [gqlError('INTERNAL_SERVER_ERROR'), 'FAILED', 'INTERNAL_SERVER_ERROR'],
    [new GraphQLError('wrapped', { originalError: new ForbiddenException('no') }), 'FORBIDDEN', 'FORBIDDEN'],
    [new BadRequestException(['expiresAt must be a date', 'control is required']), 'REJECTED', 'BAD_REQUEST'],
    [new NotFoundException('gone'), 'REJECTED', 'NOT_FOUND'],
    [new UnauthorizedException('no verified actor on this request'), 'FORBIDDEN', 'UNAUTHENTICATED'],
    [new Error('connection terminated unexpectedly'), 'FAILED', 'INTERNAL_SERVER_ERROR'],
    ['a string was thrown', 'FAILED', 'INTERNAL_SERVER_ERROR'],
  ])('classifies %p as %s (%s)', (error, outcome, errorCode) => {
    expect(classifyError(error)).toMatchObject({ outcome, errorCode });
  });

  it("keeps the validation pipe's messages and redacts what an error quotes", () => {
    expect(classifyError(new BadRequestException(['expiresAt must be a date', 'control is required'])).error).toBe(
      'expiresAt must be a date; control is required',
    );
    const quoted = classifyError(new Error('duplicate key value violates unique constraint: (password)=(hunter2)'));
    expect(quoted.error).not.toContain('hunter2');
    expect(classifyError(new Error('')).error).toBe('INTERNAL_SERVER_ERROR');
  });

  it('maps unknown codes to FAILED', () => {
    expect(outcomeOfCode('SOMETHING_ELSE')).toBe('FAILED');
  });
});

describe('classifyUserErrors', () => {
  const payload = (...userErrors: Array<{ code: string; message: string; field?: string[] | null }>) => ({
    exception: null,
    userErrors: userErrors.map((error) => ({ field: null, ...error })),
    clientMutationId: 'row-1',
  });

  it.each([
    [UserErrorCode.INVALID, 'REJECTED'],
    [UserErrorCode.NOT_FOUND, 'REJECTED'],
    [UserErrorCode.CONFLICT, 'REJECTED'],
    [UserErrorCode.FORBIDDEN, 'FORBIDDEN'],
  ])('records a %s user error as %s, with its code and message', (code, outcome) => {
    expect(classifyUserErrors(payload({ code, message: 'reason is required', field: ['reason'] }))).toEqual({
      outcome,
      errorCode: code,
      error: 'reason is required',
    });
  });

  it('classifies each user error code as the thrown error it stands for is classified', () => {
    const thrownAs: Record<UserErrorCode, string> = {
      [UserErrorCode.INVALID]: 'BAD_USER_INPUT',
      [UserErrorCode.NOT_FOUND]: 'NOT_FOUND',
      [UserErrorCode.FORBIDDEN]: 'FORBIDDEN',
      [UserErrorCode.CONFLICT]: 'CONFLICT',
    };
    for (const code of Object.values(UserErrorCode)) {
      expect(classifyUserErrors(payload({ code, message: 'no' }))?.outcome).toBe(outcomeOfCode(thrownAs[code]));
      expect(outcomeOfCode(code)).toBe(outcomeOfCode(thrownAs[code]));
    }
  });

  it('lets a FORBIDDEN user error decide the outcome, and joins the messages of several', () => {
    expect(
      classifyUserErrors(
        payload(
          { code: 'INVALID', message: 'reason is required' },
          { code: 'FORBIDDEN', message: 'only an owner of the identity may do this' },
        ),
      ),
    ).toEqual({ outcome: 'FORBIDDEN', errorCode: 'FORBIDDEN', error: 'reason is required; only an owner of the identity may do this' });
  });

  it('treats a user error of a code it does not know as a refusal, never a failure', () => {
    expect(classifyUserErrors(payload({ code: 'SOMETHING_NEW', message: 'not now' }))).toEqual({
      outcome: 'REJECTED',
      errorCode: 'SOMETHING_NEW',
      error: 'not now',
    });
  });

  it('redacts what a message should never have quoted', () => {
    expect(classifyUserErrors(payload({ code: 'INVALID', message: 'bad value password=hunter2' }))?.error).not.toContain('hunter2');
  });

  it('finds no refusal in a payload without user errors, or in a result that is not a payload', () => {
    expect(classifyUserErrors({ exception: { id: 'e-1' }, userErrors: [], clientMutationId: null })).toBeNull();
    for (const result of [undefined, null, 'ok', 42, [], { id: 'e-1' }, { userErrors: 'nope' }]) {
      expect(classifyUserErrors(result)).toBeNull();
    }
  });
});
