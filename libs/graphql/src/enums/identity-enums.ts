import { registerEnumType } from '@nestjs/graphql';
import type { FindingCategory, IdentityStatus as Status, NhiEnvironment, NhiKind, PrivilegeLevel, Severity } from '@nhi/contracts';

export const IdentityKind: { [K in NhiKind]: K } = {
  SERVICE_ACCOUNT: 'SERVICE_ACCOUNT',
  API_KEY: 'API_KEY',
  ACCESS_TOKEN: 'ACCESS_TOKEN',
  OAUTH_CLIENT: 'OAUTH_CLIENT',
  CERTIFICATE: 'CERTIFICATE',
  SSH_KEY: 'SSH_KEY',
  SECRET: 'SECRET',
  WORKLOAD_IDENTITY: 'WORKLOAD_IDENTITY',
  AI_AGENT: 'AI_AGENT',
  OTHER: 'OTHER',
};

export const IdentityEnvironment: { [K in NhiEnvironment]: K } = {
  PRODUCTION: 'PRODUCTION',
  STAGING: 'STAGING',
  DEVELOPMENT: 'DEVELOPMENT',
  TEST: 'TEST',
  UNKNOWN: 'UNKNOWN',
};

export const IdentityPrivilegeLevel: { [K in PrivilegeLevel]: K } = {
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
  ADMIN: 'ADMIN',
};

export const IdentityStatus: { [K in Status]: K } = {
  ACTIVE: 'ACTIVE',
  STALE: 'STALE',
  DECOMMISSIONED: 'DECOMMISSIONED',
};

export const FindingCategoryEnum = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`NHI${i + 1}`, `NHI${i + 1}`])) as {
  [K in FindingCategory]: K;
};

export const SeverityEnum: { [K in Severity]: K } = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', CRITICAL: 'CRITICAL' };

registerEnumType(FindingCategoryEnum, { name: 'FindingCategory', description: 'OWASP Non-Human Identities Top 10 (2025): NHI1 .. NHI10.' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(IdentityKind, {
  name: 'IdentityKind',
  description: 'What sort of non-human identity this is.',
  valuesMap: {
    OTHER: { description: "The source's word is not in the vocabulary yet; the identity's sourceKind keeps it." },
  },
});
registerEnumType(IdentityEnvironment, { name: 'Environment', description: 'Where the identity is used.' });
registerEnumType(IdentityPrivilegeLevel, { name: 'PrivilegeLevel', description: 'How much the identity can do.' });
registerEnumType(IdentityStatus, { name: 'IdentityStatus', description: 'Whether the identity is still in use.' });
