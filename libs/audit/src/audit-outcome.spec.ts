import { BadRequestException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { classifyError, outcomeOfCode } from './audit-outcome';

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
