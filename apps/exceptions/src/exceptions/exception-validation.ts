import { badInput } from '@nhi/graphql';
import type { ExceptionControl } from './exception-enums';

const DAY_MS = 86_400_000;
export const MAX_JUSTIFICATION = 4000;
export const MAX_COMPENSATING_CONTROL = 500;

export interface ExceptionTerms {
  control: ExceptionControl;
  justification: string;
  compensatingControls?: string[] | null;
  expiresAt: Date;
}

/**
 * The request's own terms, checked before anything is read: a clear error
 * naming the field, and cleaned text back (trimmed, blank controls refused).
 */
export function validateTerms(
  terms: ExceptionTerms,
  maxDays: Readonly<Record<ExceptionControl, number>>,
  now: Date,
): { justification: string; compensatingControls: string[] } {
  const justification = terms.justification.trim();
  if (!justification) {
    throw badInput('justification is required: say why the control cannot be met and what risk is accepted', 'justification');
  }
  if (justification.length > MAX_JUSTIFICATION) {
    throw badInput(`justification is ${justification.length} characters; at most ${MAX_JUSTIFICATION} are kept`, 'justification');
  }
  const compensatingControls = (terms.compensatingControls ?? []).map((control) => control.trim());
  const blank = compensatingControls.findIndex((control) => !control || control.length > MAX_COMPENSATING_CONTROL);
  if (blank >= 0) {
    throw badInput(
      `compensatingControls[${blank}] must be between 1 and ${MAX_COMPENSATING_CONTROL} characters`,
      `compensatingControls[${blank}]`,
    );
  }
  const expiresAt = terms.expiresAt;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) {
    throw badInput(`expiresAt must be a valid time in the future; it is now ${now.toISOString()}`, 'expiresAt');
  }
  const limit = maxDays[terms.control];
  const latest = new Date(now.getTime() + limit * DAY_MS);
  if (expiresAt > latest) {
    throw badInput(
      `expiresAt is too far: an exception of this control lasts at most ${limit} days (until ${latest.toISOString()}); request a renewal later instead`,
      'expiresAt',
    );
  }
  return { justification, compensatingControls };
}
