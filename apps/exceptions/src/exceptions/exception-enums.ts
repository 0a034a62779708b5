import { registerEnumType } from '@nestjs/graphql';
import { FINDING_CATEGORIES, type ExceptionControlName } from '@nhi/contracts';

export type ExceptionStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'REVOKED';
export const ExceptionStatus: { [K in ExceptionStatus]: K } = {
  REQUESTED: 'REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
};

/** Still in force or still to be decided: at most one per identity and control (a renewal aside). */
export const OPEN_STATUSES: readonly ExceptionStatus[] = ['REQUESTED', 'APPROVED'];

export type ExceptionControl = ExceptionControlName;
export const EXCEPTION_CONTROLS: readonly ExceptionControl[] = ['ROTATION', 'OWNERSHIP', 'REVOCATION', 'PRIVILEGE', ...FINDING_CATEGORIES];
export const ExceptionControl = Object.fromEntries(EXCEPTION_CONTROLS.map((control) => [control, control])) as {
  [K in ExceptionControl]: K;
};

export type RiskRating = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export const RiskRating: { [K in RiskRating]: K } = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', CRITICAL: 'CRITICAL' };

/** What happened to an exception, one history entry each. */
export type ExceptionAction = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'REVOKED' | 'REMINDED';
export const ExceptionAction: { [K in ExceptionAction]: K } = {
  REQUESTED: 'REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
  REMINDED: 'REMINDED',
};

registerEnumType(ExceptionStatus, { name: 'ExceptionStatus' });
registerEnumType(ExceptionControl, {
  name: 'ExceptionControl',
  description: 'The control an exception suspends: a platform control or an OWASP NHI Top 10 finding category.',
});
registerEnumType(RiskRating, { name: 'RiskRating', description: 'The risk the requester accepts by suspending the control.' });
registerEnumType(ExceptionAction, { name: 'ExceptionAction' });
