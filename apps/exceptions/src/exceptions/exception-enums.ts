import { registerEnumType } from '@nestjs/graphql';
import { FINDING_CATEGORIES, FINDING_CATEGORY_TITLES, type ExceptionControlName } from '@nhi/contracts';

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

/** A finding category suspended: recorded as an accepted risk and counted by metrics; lifecycle holds nothing back for it. */
const FINDING_CONTROL_VALUES = Object.fromEntries(
  FINDING_CATEGORIES.map((category) => [
    category,
    {
      description: `OWASP NHI Top 10 (2025) ${category}, ${FINDING_CATEGORY_TITLES[category]}: the risk of open ${category} findings is accepted on record (counted by metrics; nothing is held back). At most 180 days by default.`,
    },
  ]),
);

registerEnumType(ExceptionStatus, {
  name: 'ExceptionStatus',
  description:
    'Where an exception stands. REQUESTED and APPROVED are open: at most one open exception per identity and control, a renewal aside.',
  valuesMap: {
    REQUESTED: {
      description: 'Waiting for a security-admin other than the requester to approve or reject it; EXPIRED if undecided by expiresAt.',
    },
    APPROVED: { description: 'In force: the control is suspended for the identity until expiresAt. Can be renewed with renewsId.' },
    REJECTED: { description: 'Refused by a security-admin, with a note. Final.' },
    EXPIRED: {
      description: 'expiresAt passed (approved or still undecided): the control is enforced again. Can be renewed with renewsId.',
    },
    REVOKED: {
      description: 'Withdrawn before expiresAt by the requester or a security-admin: the control is enforced again at once. Final.',
    },
  },
});
registerEnumType(ExceptionControl, {
  name: 'ExceptionControl',
  description:
    'The control an exception suspends: a platform control or an OWASP NHI Top 10 finding category. The longest an exception lasts is per control (EXCEPTION_MAX_DAYS; the defaults are given below).',
  valuesMap: {
    ROTATION: {
      description:
        "Automatic credential rotation: while approved, lifecycle holds back the identity's automatic rotation and requests it once the last such exception ends; a person can still rotate by hand. At most 90 days by default.",
    },
    OWNERSHIP: {
      description: 'The ownership control: accepted on record (counted by metrics; nothing is held back). At most 30 days by default.',
    },
    REVOCATION: {
      description:
        'Revocation: while approved, lifecycle holds back the revocations that triggers (decommissioning, orphan escalation) and bulk revocations ask for, and requests a held one once the last such exception ends; a person can still revoke by hand. At most 30 days by default.',
    },
    PRIVILEGE: {
      description: 'The privilege control: accepted on record (counted by metrics; nothing is held back). At most 90 days by default.',
    },
    ...FINDING_CONTROL_VALUES,
  },
});
registerEnumType(RiskRating, {
  name: 'RiskRating',
  description: 'The risk the requester accepts by suspending the control, as the requester rates it.',
  valuesMap: {
    LOW: { description: 'Low risk.' },
    MEDIUM: { description: 'Medium risk.' },
    HIGH: { description: 'High risk.' },
    CRITICAL: { description: 'Critical risk.' },
  },
});
registerEnumType(ExceptionAction, {
  name: 'ExceptionAction',
  description: 'What a history entry records.',
  valuesMap: {
    REQUESTED: { description: 'Someone asked for the exception (no note).' },
    APPROVED: { description: "A security-admin approved it; the note is the approver's, if any." },
    REJECTED: { description: 'A security-admin rejected it; the note says why.' },
    EXPIRED: {
      description: 'It reached expiresAt; the service did it (actor "exceptions"), and the note says whether it had been approved.',
    },
    REVOKED: { description: 'The requester or a security-admin withdrew it; the note is the reason.' },
    REMINDED: {
      description:
        'A reminder went out before expiry (EXCEPTION_REMINDER_DAYS, 7 and 1 days by default); the note says how many days are left. The status does not change.',
    },
  },
});
