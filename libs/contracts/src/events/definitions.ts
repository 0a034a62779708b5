// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.

/** OTHER: the source's word is not in the platform's vocabulary; inventory keeps the word as the identity's sourceKind. */
export type NhiKind =
  | 'SERVICE_ACCOUNT'
  | 'API_KEY'
  | 'ACCESS_TOKEN'
  | 'OAUTH_CLIENT'
  | 'CERTIFICATE'
  | 'SSH_KEY'
  | 'SECRET'
  | 'WORKLOAD_IDENTITY'
  | 'AI_AGENT'
  | 'OTHER';

export type NhiEnvironment = 'PRODUCTION' | 'STAGING' | 'DEVELOPMENT' | 'TEST' | 'UNKNOWN';

export type PrivilegeLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'ADMIN';

export type FindingCategory = 'NHI1' | 'NHI2' | 'NHI3' | 'NHI4' | 'NHI5' | 'NHI6' | 'NHI7' | 'NHI8' | 'NHI9' | 'NHI10';

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** What inventory knows about an identity: metadata only, never secret material. */
export interface IdentitySnapshot {
  id: string;
  kind: NhiKind;
  name: string;
  provider: string;
  externalId: string;
  environment: NhiEnvironment;
  /** True when no source gave the environment and inventory inferred it from names, tags or account hints. */
  environmentInferred: boolean;
  system: string | null;
  businessUnit: string | null;
  privilegeLevel: PrivilegeLevel | null;
  scopes: string[];
  tags: Record<string, string>;
  createdAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  credentialFingerprint: string | null;
  status: 'ACTIVE' | 'STALE' | 'DECOMMISSIONED';
  /** The source's own word for the kind when it mapped to OTHER, cleaned (no control or bidi characters, never secret-looking); null when the word is known. Optional: events from before it existed leave it out. */
  sourceKind?: string | null;
  /** The credentials it holds, metadata only. Added in 1.1, additively: absent in events of 1.0 producers. */
  credentials?: {
    id: string;
    type: 'ACCESS_KEY' | 'CLIENT_SECRET' | 'SERVICE_ACCOUNT_KEY' | 'CERTIFICATE' | 'TOKEN' | 'SSH_KEY' | 'PASSWORD' | 'PRIVATE_KEY';
    externalId: string;
    status: 'ACTIVE' | 'INACTIVE' | 'EXPIRED' | 'REVOKED';
    expiresAt: string | null;
    lastRotatedAt: string | null;
  }[];
}

/** The control an exception suspends: a platform control or an OWASP NHI Top 10 finding category */
export type ExceptionControlName =
  | 'ROTATION'
  | 'OWNERSHIP'
  | 'REVOCATION'
  | 'PRIVILEGE'
  | 'NHI1'
  | 'NHI2'
  | 'NHI3'
  | 'NHI4'
  | 'NHI5'
  | 'NHI6'
  | 'NHI7'
  | 'NHI8'
  | 'NHI9'
  | 'NHI10';
