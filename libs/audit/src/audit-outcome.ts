import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { AuditOutcome } from '@nhi/contracts';
import type { UserErrorCode } from '@nhi/graphql';
import { redactText } from './redaction';

/** Refusals: the actor may not do this, or is not known. */
const FORBIDDEN_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** The request was wrong or named something that is not there: the caller can fix it, nothing broke. */
const REJECTED_CODES = new Set([
  'BAD_USER_INPUT',
  // BAD_USER_INPUT as a payload's userError says it (ADR 0037).
  'INVALID',
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

/**
 * The outcome of each UserErrorCode, as the thrown error it stands for is
 * classified (mutationPayload maps BAD_USER_INPUT to INVALID and keeps
 * NOT_FOUND, FORBIDDEN and CONFLICT): typed by the enum, so a new code does
 * not compile until it has an outcome here.
 */
const OUTCOME_OF_USER_ERROR: Record<`${UserErrorCode}`, ClassifiedError['outcome']> = {
  INVALID: 'REJECTED',
  NOT_FOUND: 'REJECTED',
  CONFLICT: 'REJECTED',
  FORBIDDEN: 'FORBIDDEN',
};

interface UserErrorLike {
  code: string;
  message: string;
}

function userErrorsOf(result: unknown): UserErrorLike[] {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return [];
  const userErrors = (result as { userErrors?: unknown }).userErrors;
  if (!Array.isArray(userErrors)) return [];
  return userErrors
    .filter((error): error is Record<string, unknown> => typeof error === 'object' && error !== null)
    .map((error) => ({
      code: typeof error['code'] === 'string' && error['code'] ? error['code'] : 'INVALID',
      message: typeof error['message'] === 'string' ? error['message'] : '',
    }));
}

/**
 * The refusal a payload-form mutation (ADR 0037) returned as data: null when
 * its userErrors are empty (or it has none). A FORBIDDEN user error makes the
 * outcome FORBIDDEN; any other is REJECTED, as a userError is by definition
 * the user's to fix, whatever its code. errorCode is that user error's code,
 * and error its message (several joined with "; "): user error messages never
 * quote the value they reject, and are redacted all the same.
 */
export function classifyUserErrors(result: unknown): ClassifiedError | null {
  const userErrors = userErrorsOf(result);
  if (userErrors.length === 0) return null;
  const outcomeOf = (code: string): ClassifiedError['outcome'] =>
    OUTCOME_OF_USER_ERROR[code as UserErrorCode] ?? (outcomeOfCode(code) === 'FORBIDDEN' ? 'FORBIDDEN' : 'REJECTED');
  const deciding = userErrors.find((error) => outcomeOf(error.code) === 'FORBIDDEN') ?? userErrors[0];
  const message = userErrors
    .map((error) => error.message)
    .filter(Boolean)
    .join('; ');
  return { outcome: outcomeOf(deciding.code), errorCode: deciding.code, error: redactText(message || deciding.code) };
}
