import { registerEnumType } from '@nestjs/graphql';

export type ExceptionStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'REVOKED';
export const ExceptionStatus: { [K in ExceptionStatus]: K } = {
  REQUESTED: 'REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
};

const FINDING_CATEGORIES = ['NHI1', 'NHI2', 'NHI3', 'NHI4', 'NHI5', 'NHI6', 'NHI7', 'NHI8', 'NHI9', 'NHI10'] as const;
export type ExceptionControl = 'ROTATION' | 'OWNERSHIP' | 'REVOCATION' | 'PRIVILEGE' | (typeof FINDING_CATEGORIES)[number];
export const ExceptionControl = {
  ROTATION: 'ROTATION',
  OWNERSHIP: 'OWNERSHIP',
  REVOCATION: 'REVOCATION',
  PRIVILEGE: 'PRIVILEGE',
  ...Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, c])),
} as { [K in ExceptionControl]: K };

registerEnumType(ExceptionStatus, { name: 'ExceptionStatus' });
registerEnumType(ExceptionControl, {
  name: 'ExceptionControl',
  description: 'The control an exception suspends: a platform control or an OWASP NHI Top 10 finding category.',
});
