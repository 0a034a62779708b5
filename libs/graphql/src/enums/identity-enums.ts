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

registerEnumType(FindingCategoryEnum, {
  name: 'FindingCategory',
  description: 'OWASP Non-Human Identities Top 10 (2025): NHI1 .. NHI10.',
  valuesMap: {
    NHI1: { description: 'OWASP NHI1 Improper Offboarding.' },
    NHI2: { description: 'OWASP NHI2 Secret Leakage.' },
    NHI3: { description: 'OWASP NHI3 Vulnerable Third-Party NHI.' },
    NHI4: { description: 'OWASP NHI4 Insecure Authentication.' },
    NHI5: { description: 'OWASP NHI5 Overprivileged NHI.' },
    NHI6: { description: 'OWASP NHI6 Insecure Cloud Deployment Configurations.' },
    NHI7: { description: 'OWASP NHI7 Long-Lived Secrets.' },
    NHI8: { description: 'OWASP NHI8 Environment Isolation.' },
    NHI9: { description: 'OWASP NHI9 NHI Reuse.' },
    NHI10: { description: 'OWASP NHI10 Human Use of NHI.' },
  },
});
registerEnumType(SeverityEnum, {
  name: 'Severity',
  description: 'How serious a finding is, lowest first.',
  valuesMap: {
    LOW: { description: 'Least serious.' },
    MEDIUM: { description: 'More serious than LOW.' },
    HIGH: { description: 'More serious than MEDIUM.' },
    CRITICAL: { description: 'Most serious.' },
  },
});
registerEnumType(IdentityKind, {
  name: 'IdentityKind',
  description: 'What sort of non-human identity this is.',
  valuesMap: {
    SERVICE_ACCOUNT: { description: 'A service account.' },
    API_KEY: { description: 'An API key.' },
    ACCESS_TOKEN: { description: 'An access token.' },
    OAUTH_CLIENT: { description: 'An OAuth client.' },
    CERTIFICATE: { description: 'A certificate.' },
    SSH_KEY: { description: 'An SSH key.' },
    SECRET: { description: 'A stored secret.' },
    WORKLOAD_IDENTITY: { description: 'A workload identity.' },
    AI_AGENT: { description: 'An AI agent acting with its own identity.' },
    OTHER: { description: "The source's word is not in the vocabulary yet; the identity's sourceKind keeps it." },
  },
});
registerEnumType(IdentityEnvironment, {
  name: 'Environment',
  description: 'Where the identity is used.',
  valuesMap: {
    PRODUCTION: { description: 'Production.' },
    STAGING: { description: 'Staging / pre-production.' },
    DEVELOPMENT: { description: 'Development.' },
    TEST: { description: 'Test.' },
    UNKNOWN: { description: 'No source stated it and no hint gave it away.' },
  },
});
registerEnumType(IdentityPrivilegeLevel, {
  name: 'PrivilegeLevel',
  description: 'How much the identity can do, lowest first: the highest level any privilege rule reaches (docs/privilege-model.md).',
  valuesMap: {
    LOW: { description: 'Reads only, or nothing allowed.' },
    MEDIUM: { description: 'Writes, or permissions the rules cannot judge (an unknown action or managed policy).' },
    HIGH: {
      description:
        'Broad power short of full control, e.g. broad secret or data reads, code or workload writes, scoped privilege escalation.',
    },
    ADMIN: { description: 'Full control, or a way to gain it (e.g. privilege escalation on every resource).' },
  },
});
registerEnumType(IdentityStatus, {
  name: 'IdentityStatus',
  description: 'Whether the identity is still in use.',
  valuesMap: {
    ACTIVE: { description: 'Seen by its source; a STALE identity seen again is ACTIVE again.' },
    STALE: {
      description: "Missing from its source's last full snapshots (STALE_AFTER_SNAPSHOTS in a row); ACTIVE again when seen again.",
    },
    DECOMMISSIONED: { description: 'Decommissioned on the platform (decommissionIdentity); final.' },
  },
});
