/**
 * TypeScript shapes of event data. The JSON Schemas in ../schemas are the
 * contract; these types mirror them, and event-types.spec.ts keeps the two in step.
 */
export type NhiKind =
  'SERVICE_ACCOUNT' | 'API_KEY' | 'ACCESS_TOKEN' | 'OAUTH_CLIENT' | 'CERTIFICATE' | 'SSH_KEY' | 'SECRET' | 'WORKLOAD_IDENTITY' | 'AI_AGENT';

export type NhiEnvironment = 'PRODUCTION' | 'STAGING' | 'DEVELOPMENT' | 'TEST' | 'UNKNOWN';

export type PrivilegeLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface IdentityRegisteredData {
  id: string;
  kind: NhiKind;
  name: string;
  provider: string;
  externalId: string;
  environment: NhiEnvironment;
  system?: string | null;
  businessUnit?: string | null;
  privilegeLevel?: PrivilegeLevel | null;
  createdAt?: string | null;
  expiresAt?: string | null;
  credentialFingerprint?: string | null;
  registeredAt: string;
}

export interface RotationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  requestedAt: string;
  deadline: string;
}

export interface RotationCompletedData {
  requestId: string;
  nhiId: string;
  rotatedAt: string;
  newCredentialFingerprint?: string;
  newExpiresAt?: string;
}

export interface RotationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}

export interface RevocationRequestedData extends RotationRequestedData {
  force: boolean;
}

export interface RevocationCompletedData {
  requestId: string;
  nhiId: string;
  revokedAt: string;
}

export type RevocationFailedData = RotationFailedData;

/** Event type -> data shape. Adding an event means adding it here and in event-types.ts. */
export interface EventDataByType {
  'nhi.identity.registered': IdentityRegisteredData;
  'nhi.rotation.requested': RotationRequestedData;
  'nhi.rotation.completed': RotationCompletedData;
  'nhi.rotation.failed': RotationFailedData;
  'nhi.revocation.requested': RevocationRequestedData;
  'nhi.revocation.completed': RevocationCompletedData;
  'nhi.revocation.failed': RevocationFailedData;
}

export type EventType = keyof EventDataByType;
