import { registerEnumType } from '@nestjs/graphql';

/** The rule codes the finding rules produce; stored and sent in events as these same strings. */
export const FindingCode = {
  UNUSED_IDENTITY: 'UNUSED_IDENTITY',
  UNUSED_ADMIN: 'UNUSED_ADMIN',
  UNUSED_CREDENTIAL: 'UNUSED_CREDENTIAL',
  LEAKED: 'LEAKED',
  TRUST_FOREIGN_ACCOUNT: 'TRUST_FOREIGN_ACCOUNT',
  WEAK_AUTHENTICATION: 'WEAK_AUTHENTICATION',
  UNUSED_SCOPES: 'UNUSED_SCOPES',
  ADMIN_OR_WILDCARD_SCOPES: 'ADMIN_OR_WILDCARD_SCOPES',
  CLUSTER_ADMIN_BINDING: 'CLUSTER_ADMIN_BINDING',
  TRUST_OPEN_TO_ANYONE: 'TRUST_OPEN_TO_ANYONE',
  NO_EXPIRY: 'NO_EXPIRY',
  CREDENTIAL_TOO_OLD: 'CREDENTIAL_TOO_OLD',
  KEY_NOT_ROTATED: 'KEY_NOT_ROTATED',
  SHARED_ACROSS_ENVIRONMENTS: 'SHARED_ACROSS_ENVIRONMENTS',
  REUSED_ACROSS_SYSTEMS: 'REUSED_ACROSS_SYSTEMS',
  CONSOLE_PASSWORD: 'CONSOLE_PASSWORD',
  HUMAN_USE: 'HUMAN_USE',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

registerEnumType(FindingCode, {
  name: 'FindingCode',
  description: 'The rule that found a risk; each value names its OWASP Non-Human Identities Top 10 (2025) category.',
  valuesMap: {
    UNUSED_IDENTITY: { description: 'NHI1 Improper Offboarding: the identity has not been used for longer than allowed.' },
    UNUSED_ADMIN: { description: 'NHI1 Improper Offboarding: an admin identity has not been used for longer than allowed.' },
    UNUSED_CREDENTIAL: { description: 'NHI1 Improper Offboarding: an active credential has never been used or not for too long.' },
    LEAKED: { description: 'NHI2 Secret Leakage: a leak scanner reported the credential.' },
    TRUST_FOREIGN_ACCOUNT: { description: 'NHI3 Vulnerable Third-Party NHI: accounts outside the known set may assume the identity.' },
    WEAK_AUTHENTICATION: { description: 'NHI4 Insecure Authentication: the identity authenticates with a weak or deprecated method.' },
    UNUSED_SCOPES: { description: 'NHI5 Overprivileged NHI: some granted scopes are never used.' },
    ADMIN_OR_WILDCARD_SCOPES: { description: 'NHI5 Overprivileged NHI: the identity holds admin or wildcard permissions.' },
    CLUSTER_ADMIN_BINDING: { description: 'NHI5 Overprivileged NHI: a Kubernetes service account is bound to cluster-admin.' },
    TRUST_OPEN_TO_ANYONE: {
      description: 'NHI6 Insecure Cloud Deployment Configurations: any principal may assume or impersonate the identity.',
    },
    NO_EXPIRY: { description: 'NHI7 Long-Lived Secrets: the credential never expires.' },
    CREDENTIAL_TOO_OLD: { description: 'NHI7 Long-Lived Secrets: the credential is older than the maximum age.' },
    KEY_NOT_ROTATED: { description: 'NHI7 Long-Lived Secrets: an access key has not been rotated within the maximum age.' },
    SHARED_ACROSS_ENVIRONMENTS: { description: 'NHI8 Environment Isolation: the same credential is used in more than one environment.' },
    REUSED_ACROSS_SYSTEMS: { description: 'NHI9 NHI Reuse: the same credential is used by more than one system.' },
    CONSOLE_PASSWORD: { description: 'NHI10 Human Use of NHI: the identity can sign in with a password, as a person would.' },
    HUMAN_USE: { description: 'NHI10 Human Use of NHI: a source reports interactive use by a person.' },
  },
});
