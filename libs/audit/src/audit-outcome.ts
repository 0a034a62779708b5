import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { AuditOutcome } from '@nhi/contracts';
import { redactText } from './redaction';

/** Refusals: the actor may not do this, or is not known. */
const FORBIDDEN_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** The request was wrong or named something that is not there: the caller can fix it, nothing broke. */
const REJECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNPROCESSABLE_ENTITY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
]);

/** Nest's HTTP exceptions (the validation pipe's BadRequestException, UnauthorizedException ...) by status. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
};

export interface ClassifiedError {
  outcome: Exclude<AuditOutcome, 'SUCCEEDED'>;
  errorCode: string;
  /** Redacted and bounded: an internal error may quote the values that broke it. */
  error: string;
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null) {
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/** The code of an error as the caller sees it, following GraphQL's wrapping of the original error. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.['code'];
    if (typeof code === 'string') return code;
    if (error.originalError && error.originalError !== error) return errorCodeOf(error.originalError);
  }
  if (error instanceof HttpException)
    return CODE_OF_STATUS[error.getStatus()] ?? (error.getStatus() < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR');
  return 'INTERNAL_SERVER_ERROR';
}

/** FORBIDDEN for refusals, REJECTED for bad input, not found and conflicts, FAILED for everything else. */
export function outcomeOfCode(code: string): ClassifiedError['outcome'] {
  if (FORBIDDEN_CODES.has(code)) return 'FORBIDDEN';
  if (REJECTED_CODES.has(code)) return 'REJECTED';
  return 'FAILED';
}

export function classifyError(error: unknown): ClassifiedError {
  const errorCode = errorCodeOf(error);
  const message =
    error instanceof HttpException ? httpMessage(error) : error instanceof Error ? error.message : `non-error thrown: ${String(error)}`;
  return { outcome: outcomeOfCode(errorCode), errorCode, error: redactText(message || errorCode) };
}
