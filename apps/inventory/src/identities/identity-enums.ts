import { registerEnumType } from '@nestjs/graphql';
import type { NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';

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
  CRITICAL: 'CRITICAL',
};

export type IdentityStatus = 'ACTIVE' | 'STALE' | 'DECOMMISSIONED';
export const IdentityStatus: { [K in IdentityStatus]: K } = {
  ACTIVE: 'ACTIVE',
  STALE: 'STALE',
  DECOMMISSIONED: 'DECOMMISSIONED',
};

registerEnumType(IdentityKind, { name: 'IdentityKind', description: 'What sort of non-human identity this is.' });
registerEnumType(IdentityEnvironment, { name: 'Environment', description: 'Where the identity is used.' });
registerEnumType(IdentityPrivilegeLevel, { name: 'PrivilegeLevel', description: 'How much the identity can do.' });
registerEnumType(IdentityStatus, { name: 'IdentityStatus', description: 'Whether the identity is still in use.' });
